package io.tributary.internal;

import io.tributary.api.TopicPartition;
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
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one group member's positions, from a virtual thread of its own: at most one commit in flight,
 * carrying every partition whose position moved since it was last committed, so a fast partition costs
 * one commit per round trip however many batches it finished meanwhile (a newer position replaces a
 * pending one). Automatic mode commits each position a worker reports; manual mode only what
 * {@link #commitHandled()} asks for.
 *
 * <p>A refusal ({@link UnknownMemberException}, {@link FencedMemberException}) is final for the partitions
 * it names: their pending positions are dropped, their flushes fail, and the member is told. A transient
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

    /** A wait for a partition's position to be committed. */
    private record Flush(Set<TopicPartition> partitions, Map<TopicPartition, Long> targets, CompletableFuture<Void> done) {
    }

    private final GroupCoordinator coordinator;
    private final Member member;
    private final boolean manual;
    // guarded by this
    private final Map<TopicPartition, Long> handled = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    /** Positions to commit next, per partition. */
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    private final Map<TopicPartition, GroupException> refused = new HashMap<>();
    private final List<Flush> flushes = new ArrayList<>();
    private boolean closed;
    private final Thread thread;

    OffsetCommitter(GroupCoordinator coordinator, Member member, boolean manual) {
        this.coordinator = coordinator;
        this.member = member;
        this.manual = manual;
        this.thread = Thread.ofVirtual().name("tributary-commit-" + member.group()).start(this);
    }

    /**
     * Starts tracking a partition the member took, read from {@code position}. An automatic committer commits
     * that position unless it is the group's committed offset already, so that the group resumes there even
     * if nothing is handled before the partition moves on.
     *
     * @param committedOffset the group's committed offset of the partition, or {@code null} if it has none
     */
    synchronized void hold(TopicPartition partition, long position, @Nullable Long committedOffset) {
        handled.put(partition, position);
        refused.remove(partition);
        pending.remove(partition);
        if (committedOffset != null) {
            committed.put(partition, committedOffset);
        } else {
            committed.remove(partition);
        }
        if (!manual && (committedOffset == null || committedOffset != position)) {
            pending.put(partition, position);
            notifyAll();
        }
    }

    /** The member joined or got a new assignment: commits may go (again). */
    synchronized void memberChanged() {
        notifyAll();
    }

    /** A worker finished the events of {@code partition} before {@code position}. */
    synchronized void handled(TopicPartition partition, long position) {
        Long before = handled.get(partition);
        if (before == null || position <= before) {
            return; // not held (any more), or not ahead
        }
        handled.put(partition, position);
        if (!manual && !refused.containsKey(partition)) {
            pending.put(partition, position);
            notifyAll();
        }
    }

    /**
     * Completes once the position handled so far in {@code partition} is committed (at once in manual mode,
     * which commits only on request), or fails if the group refused it.
     */
    synchronized CompletableFuture<Void> flush(TopicPartition partition) {
        if (manual) {
            return CompletableFuture.completedFuture(null);
        }
        return awaitCommitted(Set.of(partition));
    }

    /**
     * Manual commit: commits the position handled so far in every partition held; blocks until done.
     *
     * @throws GroupException if the group refused the commit of a partition
     */
    void commitHandled() {
        CompletableFuture<Void> done;
        synchronized (this) {
            for (Map.Entry<TopicPartition, Long> entry : handled.entrySet()) {
                if (entry.getValue() > committed.getOrDefault(entry.getKey(), -1L)) {
                    pending.put(entry.getKey(), entry.getValue());
                }
            }
            notifyAll();
            done = awaitCommitted(Set.copyOf(handled.keySet()));
        }
        try {
            done.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Stops tracking {@code partitions}: nothing more is committed for them, their flushes fail. */
    synchronized void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            handled.remove(partition);
            committed.remove(partition);
            pending.remove(partition);
            refused.remove(partition);
        }
        settleFlushes();
    }

    /** Stops the commit thread; what is pending stays uncommitted. */
    void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        thread.interrupt();
    }

    @Override
    public void run() {
        Duration pause = FIRST_PAUSE;
        while (true) {
            Map<TopicPartition, Long> offsets;
            String memberId;
            int generation;
            synchronized (this) {
                while (!closed && (pending.isEmpty() || member.generation() == 0)) {
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
                offsets = Map.copyOf(pending);
                pending.clear();
                memberId = member.memberId();
                generation = member.generation();
            }
            try {
                coordinator.commit(new Commit(member.group(), memberId, generation, offsets));
                committed(offsets);
                pause = FIRST_PAUSE;
            } catch (UnknownMemberException | FencedMemberException refusal) {
                refuse(offsets.keySet(), refusal);
                member.refused(memberId, refusal);
            } catch (RuntimeException e) {
                LOG.warn("committing offsets of group {} failed; trying again in {} ms: {}", member.group(),
                        pause.toMillis(), e.toString());
                retryLater(offsets);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    if (closedNow()) {
                        return;
                    }
                }
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    // --- under the lock -----------------------------------------------------------------------------------

    private CompletableFuture<Void> awaitCommitted(Set<TopicPartition> partitions) {
        Map<TopicPartition, Long> targets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long position = handled.get(partition);
            if (position != null) {
                targets.put(partition, position);
            }
        }
        Flush flush = new Flush(partitions, targets, new CompletableFuture<>());
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
                if (refused.containsKey(partition)) {
                    refusal = refused.get(partition);
                    break;
                }
                if (!handled.containsKey(partition)) {
                    refusal = new GroupException("partition " + partition + " is no longer held by this member;"
                            + " its position was not committed");
                    break;
                }
                if (committed.getOrDefault(partition, -1L) < target.getValue()) {
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

    private synchronized void committed(Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> {
            if (handled.containsKey(partition)) {
                committed.merge(partition, offset, Math::max);
            }
        });
        settleFlushes();
    }

    private synchronized void refuse(Set<TopicPartition> partitions, GroupException refusal) {
        for (TopicPartition partition : partitions) {
            if (handled.containsKey(partition)) {
                refused.put(partition, refusal);
                pending.remove(partition);
            }
        }
        settleFlushes();
    }

    private synchronized void retryLater(Map<TopicPartition, Long> offsets) {
        offsets.forEach((partition, offset) -> {
            if (handled.containsKey(partition) && !refused.containsKey(partition)) {
                pending.merge(partition, offset, Math::max);
            }
        });
    }

    private synchronized boolean closedNow() {
        return closed;
    }
}
