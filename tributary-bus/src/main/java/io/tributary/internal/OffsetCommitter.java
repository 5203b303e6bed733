package io.tributary.internal;

import io.tributary.api.TopicPartition;
import io.tributary.api.TributaryException;
import io.tributary.group.Commit;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupException;
import io.tributary.group.UnknownMemberException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one group member's positions, from a virtual thread of its own: at most one commit in flight,
 * carrying every partition whose position moved since it was last committed, so a fast partition costs
 * one commit per round trip however many batches it finished meanwhile (a newer position replaces a
 * pending one). Automatic mode commits each position a worker reports; manual mode only what
 * {@link #commitHandled} asks for. Both commit the position a partition was taken at when the group had none,
 * so that the group resumes there even if nothing is handled before the partition moves on.
 *
 * <p><b>Ownerships.</b> Each time the member takes a partition, {@link #hold} opens a new ownership with an
 * epoch of its own. Positions, commit results and refusals count only for the ownership they belong to: a
 * feed that outlived its ownership, or the answer of a commit sent under an earlier one, changes nothing.
 *
 * <p>A refusal ({@link UnknownMemberException}, {@link FencedMemberException}) is final for the ownerships it
 * names: their pending positions are dropped, their flushes fail, and the member is told. A transient
 * failure (the network) is retried with a growing pause, keeping the newest positions.
 *
 * <p>Thread-safe: workers report, the member's thread holds, flushes and forgets, the application may
 * commit; one lock guards the state.
 */
final class OffsetCommitter implements Runnable {

    /** Who commits: the member's identity now, and where refusals go. */
    interface Member {
        String group();

        String memberId();

        /** The generation of the member's latest assignment; 0 while it is not in the group. */
        int generation();

        /** A commit under {@code memberId} was refused: the member must check what it still holds. */
        void refused(String memberId, GroupException refusal);
    }

    private static final Logger LOG = LoggerFactory.getLogger(OffsetCommitter.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    /** A partition held now: its ownership's epoch, the position handled so far, and what is committed. */
    private static final class Ownership {
        final long epoch;
        /** The position the partition was taken at, when it must be committed (the group had none); else -1. */
        final long start;
        long handled;
        long committed;
        @Nullable Long pending;
        @Nullable GroupException refusal;

        Ownership(long epoch, long start, long handled, long committed) {
            this.epoch = epoch;
            this.start = start;
            this.handled = handled;
            this.committed = committed;
        }
    }

    /** A wait for positions to be committed. */
    private record Flush(Map<TopicPartition, Long> epochs, Map<TopicPartition, Long> targets,
            CompletableFuture<Void> done) {
    }

    private final GroupCoordinator coordinator;
    private final Member member;
    private final boolean manual;
    // guarded by this
    private final Map<TopicPartition, Ownership> held = new HashMap<>();
    private final List<Flush> flushes = new ArrayList<>();
    private long epochs;
    private boolean closed;
    private final Thread thread;

    OffsetCommitter(GroupCoordinator coordinator, Member member, boolean manual) {
        this.coordinator = coordinator;
        this.member = member;
        this.manual = manual;
        this.thread = BusThreads.startVirtual("tributary-commit-" + member.group(), this);
    }

    /**
     * Opens an ownership of {@code partition}, read from {@code position}; commits that position unless it is
     * the group's committed offset already.
     *
     * @param committedOffset the group's committed offset of the partition, or {@code null} if it has none
     * @return the ownership's epoch, for {@link #handled}
     */
    synchronized long hold(TopicPartition partition, long position, @Nullable Long committedOffset) {
        boolean commitStart = committedOffset == null || committedOffset != position;
        Ownership ownership = new Ownership(++epochs, commitStart ? position : -1, position,
                committedOffset == null ? -1 : committedOffset);
        held.put(partition, ownership);
        settleFlushes(); // flushes of an earlier ownership of the partition fail
        if (commitStart) {
            ownership.pending = position;
            notifyAll();
        }
        return ownership.epoch;
    }

    /** A worker finished the events of {@code partition} before {@code position}, in ownership {@code epoch}. */
    synchronized void handled(TopicPartition partition, long epoch, long position) {
        Ownership ownership = current(partition, epoch);
        if (ownership == null || position <= ownership.handled) {
            return; // an ownership that ended, or not ahead
        }
        ownership.handled = position;
        if (!manual && ownership.refusal == null) {
            ownership.pending = position;
            notifyAll();
        }
    }

    /** The member joined or got a new assignment: commits may go (again). */
    synchronized void memberChanged() {
        notifyAll();
    }

    /**
     * Completes once the position handled so far in {@code partition} is committed — in manual mode, which
     * commits only on request, once the position it was taken at is (if that had to be committed) — or fails if
     * the group refused it or the committer closed.
     */
    synchronized CompletableFuture<Void> flush(TopicPartition partition) {
        return awaitCommitted(Set.of(partition), manual);
    }

    /**
     * Manual commit: commits the position handled so far in every partition held; blocks until done, at most
     * {@code timeout}.
     *
     * @throws GroupException      if the group refused the commit of a partition, or the subscription closed
     * @throws TributaryException  if the offsets were not committed within {@code timeout}
     */
    void commitHandled(Duration timeout) {
        CompletableFuture<Void> done;
        synchronized (this) {
            if (closed) {
                throw new GroupException("group " + member.group() + ": the subscription is closed; nothing more is"
                        + " committed");
            }
            held.values().forEach(ownership -> {
                if (ownership.refusal == null && ownership.handled > ownership.committed) {
                    ownership.pending = ownership.handled;
                }
            });
            notifyAll();
            done = awaitCommitted(Set.copyOf(held.keySet()), false);
        }
        try {
            done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new TributaryException("commit failed", e);
        } catch (TimeoutException e) {
            throw new TributaryException("group " + member.group() + ": the offsets were not committed within "
                    + timeout + " (the coordinator cannot be reached?); they are committed once it can, or handled"
                    + " again by the partitions' next owners");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while committing the offsets of group " + member.group(), e);
        }
    }

    /** Ends the ownerships of {@code partitions}: nothing more is committed for them, their flushes fail. */
    synchronized void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(held::remove);
        settleFlushes();
    }

    /** Stops the commit thread; what is pending stays uncommitted and every flush fails. */
    void close() {
        synchronized (this) {
            closed = true;
            GroupException closing = new GroupException("group " + member.group() + ": the subscription closed before"
                    + " these offsets were committed; the partitions' next owners handle those events again");
            flushes.forEach(flush -> flush.done().completeExceptionally(closing));
            flushes.clear();
            notifyAll();
        }
        thread.interrupt();
    }

    @Override
    public void run() {
        Duration pause = FIRST_PAUSE;
        while (true) {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            Map<TopicPartition, Long> ownerships = new HashMap<>();
            String memberId;
            int generation;
            synchronized (this) {
                while (!closed && (!hasPending() || member.generation() == 0)) {
                    try {
                        wait(); // woken by a new position, a (re)join or close
                    } catch (InterruptedException e) {
                        if (closed) {
                            return;
                        }
                    }
                }
                if (closed) {
                    return;
                }
                held.forEach((partition, ownership) -> {
                    if (ownership.pending != null) {
                        offsets.put(partition, ownership.pending);
                        ownerships.put(partition, ownership.epoch);
                        ownership.pending = null;
                    }
                });
                memberId = member.memberId();
                generation = member.generation();
            }
            try {
                coordinator.commit(new Commit(member.group(), memberId, generation, offsets));
                committed(offsets, ownerships);
                pause = FIRST_PAUSE;
            } catch (UnknownMemberException | FencedMemberException refusal) {
                refuse(ownerships, refusal);
                member.refused(memberId, refusal);
            } catch (RuntimeException e) {
                LOG.warn("committing offsets of group {} failed; trying again in {} ms: {}", member.group(),
                        pause.toMillis(), e.toString());
                retryLater(offsets, ownerships);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    if (closedNow()) {
                        return;
                    }
                }
                pause = Pauses.doubled(pause, MAX_PAUSE);
            }
        }
    }

    // --- under the lock -----------------------------------------------------------------------------------

    private @Nullable Ownership current(TopicPartition partition, long epoch) {
        Ownership ownership = held.get(partition);
        return ownership != null && ownership.epoch == epoch ? ownership : null;
    }

    private boolean hasPending() {
        for (Ownership ownership : held.values()) {
            if (ownership.pending != null) {
                return true;
            }
        }
        return false;
    }

    /** @param startOnly wait for the ownerships' start positions only (manual mode), not what was handled */
    private CompletableFuture<Void> awaitCommitted(Set<TopicPartition> partitions, boolean startOnly) {
        if (closed) {
            return CompletableFuture.failedFuture(new GroupException("group " + member.group()
                    + ": the subscription is closed; nothing more is committed"));
        }
        Map<TopicPartition, Long> epochsNow = new HashMap<>();
        Map<TopicPartition, Long> targets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Ownership ownership = held.get(partition);
            if (ownership != null) {
                epochsNow.put(partition, ownership.epoch);
                targets.put(partition, startOnly ? ownership.start : ownership.handled);
            }
        }
        Flush flush = new Flush(epochsNow, targets, new CompletableFuture<>());
        flushes.add(flush);
        settleFlushes();
        return flush.done();
    }

    private void settleFlushes() {
        for (Iterator<Flush> it = flushes.iterator(); it.hasNext(); ) {
            Flush flush = it.next();
            @Nullable GroupException refusal = null;
            boolean met = true;
            for (Map.Entry<TopicPartition, Long> target : flush.targets().entrySet()) {
                TopicPartition partition = target.getKey();
                Ownership ownership = current(partition, flush.epochs().get(partition));
                if (ownership == null) {
                    refusal = new GroupException("partition " + partition + " is no longer held by this member;"
                            + " its position was not committed");
                    break;
                }
                if (ownership.refusal != null) {
                    refusal = ownership.refusal;
                    break;
                }
                if (ownership.committed < target.getValue()) {
                    met = false;
                }
            }
            if (refusal != null) {
                flush.done().completeExceptionally(refusal);
                it.remove();
            } else if (met) {
                flush.done().complete(null);
                it.remove();
            }
        }
    }

    private synchronized void committed(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> ownerships) {
        offsets.forEach((partition, offset) -> {
            Ownership ownership = current(partition, ownerships.get(partition));
            if (ownership != null) {
                ownership.committed = Math.max(ownership.committed, offset);
            }
        });
        settleFlushes();
    }

    private synchronized void refuse(Map<TopicPartition, Long> ownerships, GroupException refusal) {
        ownerships.forEach((partition, epoch) -> {
            Ownership ownership = current(partition, epoch);
            if (ownership != null) {
                ownership.refusal = refusal;
                ownership.pending = null;
            }
        });
        settleFlushes();
    }

    private synchronized void retryLater(Map<TopicPartition, Long> offsets, Map<TopicPartition, Long> ownerships) {
        offsets.forEach((partition, offset) -> {
            Ownership ownership = current(partition, ownerships.get(partition));
            if (ownership != null && ownership.refusal == null && ownership.pending == null) {
                ownership.pending = manual ? offset : Math.max(offset, ownership.handled);
            }
        });
    }

    private synchronized boolean closedNow() {
        return closed;
    }
}
