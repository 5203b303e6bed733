package io.tributary.internal;

import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.SubscriptionListener;
import io.tributary.api.TopicPartition;
import io.tributary.group.Assignment;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupException;
import io.tributary.group.Heartbeat;
import io.tributary.group.UnknownMemberException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A subscription with a group at work: one member of the group (decision 0012). Its own virtual thread
 * heartbeats to the transport's {@link GroupCoordinator} and makes the partitions it holds match each
 * answer: a new partition gets a {@link PartitionFeed} from the group's committed offset (or the
 * subscription's start position when the group has none); a partition to give up is stopped (the event in
 * hand finishes), its position committed, the listener told, and only then left out of the next heartbeat,
 * sent at once, so that its new owner resumes exactly there. Handlers run on the bus's workers, so a slow
 * handler never delays a heartbeat.
 *
 * <p>When the group no longer knows the member (its session timed out: the process was paused, or the
 * coordinator could not be reached), every feed stops <em>without</em> committing — its partitions may be
 * someone else's already — and the member joins again under a new id. Closing the subscription gives
 * every partition up the same orderly way (heartbeating meanwhile, at most the close timeout), then leaves
 * the group.
 */
final class GroupMember implements SubscriptionHandle, OffsetCommitter.Member, Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMember.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(5);
    /** Longest {@code subscribe} waits for the member's first assignment. */
    static final Duration JOIN_TIMEOUT = Duration.ofSeconds(10);
    /** Longest a manual {@link #commit()} waits for its offsets to be durable. */
    static final Duration MANUAL_COMMIT_TIMEOUT = Duration.ofSeconds(30);
    private static final String CLIENT_ID = "tributary-bus " + ProcessHandle.current().pid() + "@" + hostName();

    /**
     * A partition this member holds: its feed, its ownership's epoch at the committer, and once it is being given
     * up, when that is over.
     */
    private static final class Held {
        final PartitionFeed feed;
        final long epoch;
        @Nullable CompletableFuture<Void> released;

        Held(PartitionFeed feed, long epoch) {
            this.feed = feed;
            this.epoch = epoch;
        }
    }

    private final Subscription subscription;
    private final String group;
    private final EventProcessing processing;
    private final Transport transport;
    private final GroupCoordinator coordinator;
    private final WorkerPool workers;
    private final Duration closeTimeout;
    private final Runnable onClose;
    private final OffsetCommitter committer;
    /** Written by the member's thread only; read by others (commit). */
    private final Map<TopicPartition, Held> held = new ConcurrentHashMap<>();
    /**
     * Feeds of partitions this member lost whose handler had not finished when it joined again: the partition is
     * not taken again in this process until they ended, so it is never handled by two feeds at once. Member's
     * thread only.
     */
    private final Map<TopicPartition, PartitionFeed> lingering = new java.util.HashMap<>();
    private final ReentrantLock wakeLock = new ReentrantLock();
    private final Condition wakeUp = wakeLock.newCondition();
    private boolean wakeRequested; // guarded by wakeLock
    private volatile String memberId = newMemberId();
    private volatile int generation;
    private volatile boolean open = true;
    private boolean registered; // member's thread only
    private final CompletableFuture<Void> registration = new CompletableFuture<>();
    private final Thread thread;

    private GroupMember(Subscription subscription, EventProcessing processing, Transport transport, WorkerPool workers,
            Duration closeTimeout, Runnable onClose) {
        this.subscription = subscription;
        this.group = subscription.group();
        this.processing = processing;
        this.transport = transport;
        this.coordinator = transport.groups();
        this.workers = workers;
        this.closeTimeout = closeTimeout;
        this.onClose = onClose;
        this.committer = new OffsetCommitter(coordinator, this, subscription.commitsManually());
        this.thread = BusThreads.unstartedVirtual("tributary-group-" + group, this);
    }

    /**
     * Makes sure the topics exist (creating them if the transport may), then starts the member's thread,
     * which joins the group; returns without waiting for an assignment.
     */
    static GroupMember start(Subscription subscription, EventProcessing processing, Transport transport,
            WorkerPool workers, Duration closeTimeout, Runnable onClose) {
        subscription.topics().forEach(transport::partitions);
        GroupMember member = new GroupMember(subscription, processing, transport, workers, closeTimeout, onClose);
        member.thread.start();
        member.awaitRegistration();
        return member;
    }

    /**
     * Waits until the member joined and opened the readers of its first partitions, so that a subscription from
     * the latest event misses nothing published after {@code subscribe} returned; at most the join timeout
     * (then the member goes on joining in the background).
     */
    private void awaitRegistration() {
        try {
            registration.get(JOIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("group {} on {}: not joined within {}; the member keeps trying in the background", group,
                    subscription.topics(), JOIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("registration cannot fail", e);
        }
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public void commit() {
        held.forEach((partition, state) -> committer.handled(partition, state.epoch, state.feed.finishedPosition()));
        committer.commitHandled(MANUAL_COMMIT_TIMEOUT);
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            wake();
        }
        if (!BusThreads.isCurrent()) { // a handler or listener closing its subscription must not wait for the bus
            try {
                if (!thread.join(closeTimeout.plusSeconds(5))) {
                    LOG.warn("group {} on {}: the member still gives its partitions up after {}; not waiting for it",
                            group, subscription.topics(), closeTimeout);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- OffsetCommitter.Member ----------------------------------------------------------------------------

    @Override
    public String group() {
        return group;
    }

    @Override
    public String memberId() {
        return memberId;
    }

    @Override
    public int generation() {
        return generation;
    }

    @Override
    public void refused(String refusedMemberId, GroupException refusal) {
        LOG.warn("group {}: a commit of member {} was refused: {}", group, refusedMemberId, refusal.getMessage());
        wake(); // the next heartbeat says what this member still holds
    }

    // --- the member's thread -------------------------------------------------------------------------------

    @Override
    public void run() {
        Duration pause = FIRST_PAUSE;
        long closeDeadline = 0;
        try {
            while (true) {
                if (!open) {
                    if (closeDeadline == 0) {
                        closeDeadline = System.nanoTime() + closeTimeout.toNanos();
                        held.values().forEach(this::giveUp);
                    }
                    collectReleased();
                    if (held.isEmpty()) {
                        break;
                    }
                    if (System.nanoTime() - closeDeadline > 0) {
                        LOG.warn("group {}: partitions {} were not given up within the close timeout {}; leaving anyway",
                                group, held.keySet(), closeTimeout);
                        break;
                    }
                }
                Assignment assignment;
                try {
                    assignment = coordinator.heartbeat(new Heartbeat(group, memberId, generation, CLIENT_ID,
                            subscription.topics(), Set.copyOf(held.keySet())));
                    pause = FIRST_PAUSE;
                } catch (UnknownMemberException e) {
                    loseEverything(e);
                    if (!open) {
                        break; // nothing left to give up, and nothing to leave
                    }
                    continue;
                } catch (RuntimeException e) {
                    LOG.warn("group {}: heartbeat of member {} failed; trying again in {} ms: {}", group, memberId,
                            pause.toMillis(), e.toString());
                    awaitWake(pause);
                    pause = Pauses.doubled(pause, MAX_PAUSE);
                    continue;
                }
                generation = assignment.generation();
                committer.memberChanged();
                if (open) {
                    follow(assignment.partitions());
                }
                if (collectReleased()) {
                    continue; // hand the partitions over at once
                }
                awaitWake(assignment.heartbeatInterval());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            registration.complete(null);
            leave();
            onClose.run(); // only now: the bus waits for the members it still lists
        }
    }

    /** Gives up what the answer leaves out, takes what it adds. */
    private void follow(Set<TopicPartition> assigned) {
        for (Map.Entry<TopicPartition, Held> entry : held.entrySet()) {
            if (!assigned.contains(entry.getKey())) {
                giveUp(entry.getValue());
            }
        }
        lingering.values().removeIf(feed -> feed.stopped().isDone());
        Set<TopicPartition> fresh = new LinkedHashSet<>();
        assigned.stream().filter(partition -> !held.containsKey(partition) && !lingering.containsKey(partition))
                .sorted()
                .forEach(fresh::add);
        Set<TopicPartition> taken = fresh.isEmpty() ? Set.of() : take(fresh);
        SubscriptionListener listener = subscription.listener();
        if (!registered) {
            registered = true;
            EventProcessing.guard(subscription, "listener (registered)", () -> listener.registered(subscription, taken));
        }
        if (!taken.isEmpty()) {
            EventProcessing.guard(subscription, "listener (partitionsAssigned)",
                    () -> listener.partitionsAssigned(subscription, taken));
        }
        if (taken.size() == fresh.size() && lingering.isEmpty()) {
            registration.complete(null); // every partition offered is read: nothing published from now on is missed
        }
    }

    /**
     * Starts feeds of {@code fresh} from the group's committed offsets. A partition that cannot be started now
     * (the coordinator or the partition cannot be read) is not held: the next heartbeat says so and the
     * coordinator offers it again.
     */
    private Set<TopicPartition> take(Set<TopicPartition> fresh) {
        Map<TopicPartition, Long> committed;
        try {
            committed = coordinator.committedOffsets(group, fresh);
        } catch (RuntimeException e) {
            LOG.warn("group {}: cannot read the committed offsets of {}; trying again: {}", group, fresh, e.toString());
            return Set.of();
        }
        Set<TopicPartition> taken = new LinkedHashSet<>();
        for (TopicPartition partition : fresh) {
            Long offset = committed.get(partition);
            StartPosition start = offset != null ? StartPosition.offset(offset) : subscription.start();
            PartitionReader reader;
            try {
                reader = transport.reader(partition.topic().value(), partition.partition(), start);
            } catch (RuntimeException e) {
                LOG.warn("group {}: cannot read {} from {}; trying again: {}", group, partition, start, e.toString());
                continue;
            }
            long[] epoch = new long[1];
            PartitionFeed feed = new PartitionFeed(partition, reader, processing, workers,
                    position -> committer.handled(partition, epoch[0], position));
            epoch[0] = committer.hold(partition, feed.position(), offset);
            held.put(partition, new Held(feed, epoch[0]));
            feed.start(); // after the epoch is set: the feed's first report comes from a worker it hands a batch to
            taken.add(partition);
        }
        return taken;
    }

    /** Starts giving {@code partition} up: stop the feed, then (automatic commits) commit where it stopped. */
    private void giveUp(Held partition) {
        if (partition.released != null) {
            return;
        }
        partition.feed.stop();
        TopicPartition id = partition.feed.id();
        partition.released = partition.feed.stopped().thenCompose(position -> committer.flush(id));
        partition.released.whenComplete((done, failure) -> wake());
    }

    /**
     * Tells the listener about the partitions whose giving up is over and forgets them.
     *
     * @return whether there were any (the next heartbeat then goes at once)
     */
    private boolean collectReleased() {
        Set<TopicPartition> released = new LinkedHashSet<>();
        Set<TopicPartition> lost = new LinkedHashSet<>();
        held.forEach((partition, state) -> {
            if (state.released != null && state.released.isDone()) {
                (state.released.isCompletedExceptionally() ? lost : released).add(partition);
            }
        });
        if (released.isEmpty() && lost.isEmpty()) {
            return false;
        }
        SubscriptionListener listener = subscription.listener();
        if (!released.isEmpty()) {
            EventProcessing.guard(subscription, "listener (partitionsRevoked)",
                    () -> listener.partitionsRevoked(subscription, released, false));
        }
        if (!lost.isEmpty()) {
            EventProcessing.guard(subscription, "listener (partitionsRevoked)",
                    () -> listener.partitionsRevoked(subscription, lost, true));
        }
        List<TopicPartition> gone = new java.util.ArrayList<>(released);
        gone.addAll(lost);
        committer.forget(gone);
        gone.forEach(held::remove);
        return true;
    }

    /**
     * The group no longer knows this member: stops every feed without committing, waits (at most the close
     * timeout) for their events in hand, then starts over as a new member.
     */
    private void loseEverything(UnknownMemberException reason) throws InterruptedException {
        Map<TopicPartition, Held> lost = new LinkedHashMap<>(held);
        LOG.warn("group {}: the coordinator no longer knows member {} ({}); dropping partitions {} without committing"
                + " and joining again", group, memberId, reason.getMessage(), lost.keySet());
        committer.forget(lost.keySet());
        lost.values().forEach(state -> state.feed.stop());
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        for (Held state : lost.values()) {
            try {
                state.feed.stopped().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                LOG.warn("group {}: a handler of {} still runs after {}; joining again, but not taking that partition"
                        + " in this process until it finished", group, state.feed.id(), closeTimeout);
                lingering.put(state.feed.id(), state.feed);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a feed cannot fail", e);
            }
        }
        held.clear();
        if (!lost.isEmpty()) {
            SubscriptionListener listener = subscription.listener();
            Set<TopicPartition> partitions = Set.copyOf(lost.keySet());
            EventProcessing.guard(subscription, "listener (partitionsRevoked)",
                    () -> listener.partitionsRevoked(subscription, partitions, true));
        }
        memberId = newMemberId();
        generation = 0;
    }

    private void leave() {
        committer.close();
        held.values().forEach(state -> state.feed.stop());
        try {
            coordinator.leave(group, memberId);
        } catch (RuntimeException e) {
            LOG.warn("group {}: member {} could not leave ({}); its partitions move once its session times out", group,
                    memberId, e.toString());
        }
    }

    private void wake() {
        wakeLock.lock();
        try {
            wakeRequested = true;
            wakeUp.signalAll();
        } finally {
            wakeLock.unlock();
        }
    }

    private void awaitWake(Duration timeout) throws InterruptedException {
        wakeLock.lock();
        try {
            long remaining = timeout.toNanos();
            while (!wakeRequested && remaining > 0) {
                remaining = wakeUp.awaitNanos(remaining);
            }
            wakeRequested = false;
        } finally {
            wakeLock.unlock();
        }
    }

    /**
     * This machine's name, for people reading {@code group describe}: {@code HOSTNAME}, else the kernel's (Linux),
     * else {@code localhost}. Not {@code InetAddress.getLocalHost()}: it may ask a name server.
     */
    private static String hostName() {
        String variable = System.getenv("HOSTNAME");
        if (variable != null && !variable.isBlank()) {
            return variable.strip();
        }
        try {
            String kernel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).strip();
            return kernel.isEmpty() ? "localhost" : kernel;
        } catch (java.io.IOException | RuntimeException e) {
            return "localhost";
        }
    }

    private static String newMemberId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String toString() {
        return "GroupMember[" + group + " on " + subscription.topics() + ", " + memberId + " generation " + generation
                + ", holds " + held.keySet() + (open ? "" : ", closing") + "]";
    }
}
