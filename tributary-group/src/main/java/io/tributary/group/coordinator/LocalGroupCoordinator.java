package io.tributary.group.coordinator;

import io.tributary.api.TopicName;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import io.tributary.api.config.ConfigKey;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupException;
import io.tributary.group.GroupLimitException;
import io.tributary.group.GroupName;
import io.tributary.group.GroupNotEmptyException;
import io.tributary.group.GroupSummary;
import io.tributary.group.Heartbeat;
import io.tributary.group.OffsetReset;
import io.tributary.group.UnknownGroupException;
import io.tributary.group.UnknownMemberException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link GroupCoordinator} that runs in a process (decision 0012): memberships and assignments in memory,
 * computed by the {@link StickyAssignor}; committed offsets in an {@link OffsetStore}, loaded once here and kept in
 * memory; partitions and their offsets from a {@link TopicCatalog}. The broker runs one over its topics, the
 * {@code mem:} bus one over an {@link InMemoryOffsetStore}.
 *
 * <p><b>Time.</b> Nothing here starts a thread. Session and rebalance timeouts are checked with the injected
 * clock at the start of every call: for the group it names, and for every group in {@link #listGroups()} and when
 * a new group would exceed {@code max-groups}. So a group nobody calls keeps its dead members until it is looked
 * at, which nobody can tell apart from having removed them on time.
 *
 * <p><b>Threads.</b> Thread-safe. One lock guards every group; nothing waits while holding it (the catalog answers
 * from memory, and {@link OffsetStore#store} must not block). It is a {@link ReentrantLock}, not a monitor, so that
 * virtual threads waiting for it do not pin their carrier. {@link #commit} and {@link #resetOffsets} call the store
 * under the lock, so that it sees offsets in the order they were accepted, then wait for durability outside it.
 *
 * <p><b>Bounds.</b> At most {@code max-groups} groups (groups loaded from the store count, even beyond it) of at most
 * {@code max-members} members; a group with neither members nor committed offsets is forgotten.
 */
public final class LocalGroupCoordinator implements GroupCoordinator {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGroupCoordinator.class);

    private final GroupConfig config;
    private final TopicCatalog catalog;
    private final OffsetStore store;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final SortedMap<String, Group> groups = new TreeMap<>();
    /** Numbers the store calls in the order they are made, so that the last one wins in memory as in the store. */
    private long storeSequence;
    /**
     * No group gets partitions before this instant. A coordinator that restarted over a store that knew groups does
     * not know which members still handle partitions from before; each learns that it is unknown at its next
     * heartbeat and stops, and a live member heartbeats within a session timeout (its retries after an outage
     * included), so for that long nobody else may start on a partition. {@link Instant#MIN} for a store without
     * groups: nobody can be working from before.
     */
    private final Instant handOutFrom;

    /**
     * A coordinator with the offsets {@code store} holds; blocks while {@link OffsetStore#load()} reads them.
     *
     * @param clock tells the time for heartbeats and timeouts
     */
    public LocalGroupCoordinator(GroupConfig config, TopicCatalog catalog, OffsetStore store, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        store.load().forEach((name, offsets) -> {
            if (!offsets.isEmpty()) {
                Group group = new Group(GroupName.of(name).value(), config, catalog);
                group.committed().load(offsets);
                groups.put(name, group);
            }
        });
        handOutFrom = groups.isEmpty() ? Instant.MIN : clock.instant().plus(config.sessionTimeout()); // after the load
        groups.values().forEach(group -> group.handOutNothingUntil(handOutFrom));
        if (groups.size() > config.maxGroups()) {
            LOG.warn("{} groups have committed offsets, more than {} = {}: no new group can be created until it is"
                    + " raised", groups.size(), GroupConfig.MAX_GROUPS.name(), config.maxGroups());
        }
    }

    @Override
    public Assignment heartbeat(Heartbeat heartbeat) {
        lock.lock();
        try {
            Instant now = clock.instant();
            Group group = current(heartbeat.group(), now);
            if (group == null || !group.hasMember(heartbeat.memberId())) {
                if (!heartbeat.isJoin()) {
                    throw unknownMember(heartbeat.group(), heartbeat.memberId(), "");
                }
                if (group == null) {
                    group = create(heartbeat.group(), now, "member " + heartbeat.memberId() + " cannot join group "
                            + heartbeat.group());
                }
                group.join(heartbeat, now);
            }
            return group.heartbeat(heartbeat, now);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void leave(String group, String memberId) {
        GroupName.of(group);
        lock.lock();
        try {
            Group known = current(group, clock.instant());
            if (known != null && known.leave(memberId)) {
                forgetIfUnused(known);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void commit(Commit commit) {
        await(accept(commit), commit.group(), "committed");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Checks the commit and hands it to the store under the lock, without blocking; the refusals
     * ({@link io.tributary.group.UnknownMemberException}, {@link io.tributary.group.FencedMemberException}) come
     * as a failed future too.
     */
    @Override
    public CompletableFuture<Void> commitAsync(Commit commit) {
        try {
            return accept(commit).copy(); // a copy: a caller that completes it (a timeout) must not skip the settling
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The topic was deleted: forgets every group's committed offsets of it, durably, so that a topic created again
     * under that name is read from the subscriptions' start positions, not from offsets of records that are gone.
     * Blocks until the store has them; a store that fails is logged and leaves the offsets as they were.
     */
    public void forgetTopic(String topic) {
        Map<String, CompletableFuture<Void>> forgetting = new TreeMap<>();
        lock.lock();
        try {
            for (Group group : List.copyOf(groups.values())) { // a store completing at once may forget the group
                Map<TopicPartition, Long> gone = new HashMap<>();
                group.committed().partitionsWithOffsetsOrStores().stream()
                        .filter(partition -> partition.topic().value().equals(topic))
                        .forEach(partition -> gone.put(partition, OffsetStore.FORGOTTEN));
                if (!gone.isEmpty()) {
                    forgetting.put(group.name(), startStore(group, gone, "forgotten"));
                }
            }
        } finally {
            lock.unlock();
        }
        forgetting.forEach((group, stored) -> {
            try {
                await(stored, group, "forgotten");
            } catch (GroupException e) {
                LOG.warn("group {}: the committed offsets of deleted topic {} could not be forgotten: {}", group, topic,
                        e.getMessage());
            }
        });
        if (!forgetting.isEmpty()) {
            LOG.info("topic {} was deleted: forgot the committed offsets of {} group(s)", topic, forgetting.size());
        }
    }

    /** Checks the commit and hands it to the store; returns {@link #startStore}'s future. */
    private CompletableFuture<Void> accept(Commit commit) {
        lock.lock();
        try {
            Group group = current(commit.group(), clock.instant());
            if (group == null || !group.hasMember(commit.memberId())) {
                throw unknownMember(commit.group(), commit.memberId(), "offsets not committed: ");
            }
            group.checkCommit(commit);
            return startStore(group, commit.offsets(), "committed");
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(String group, Collection<TopicPartition> partitions) {
        GroupName.of(group);
        Objects.requireNonNull(partitions, "partitions");
        lock.lock();
        try {
            Group known = current(group, clock.instant());
            return known == null ? Map.of() : known.committed().of(partitions);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<GroupSummary> listGroups() {
        lock.lock();
        try {
            expireAll(clock.instant());
            return groups.values().stream().map(Group::summary).toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public GroupDescription describe(String group) {
        GroupName.of(group);
        lock.lock();
        try {
            Group known = current(group, clock.instant());
            if (known == null) {
                throw new UnknownGroupException("no group " + group + " has members or committed offsets; list the"
                        + " groups to see which exist (tributary group list)");
            }
            return known.describe();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<TopicPartition, Long> resetOffsets(String group, @Nullable String topic, OffsetReset to) {
        GroupName.of(group);
        Objects.requireNonNull(to, "to");
        // offsetForTime may read the log: positions are computed outside the lock, emptiness is checked again after
        Map<TopicPartition, Long> positions = positions(topicsToReset(group, topic), to);
        CompletableFuture<Void> stored;
        Group target;
        lock.lock();
        try {
            Instant now = clock.instant();
            Group known = current(group, now);
            if (known == null) {
                known = create(group, now, "offsets of group " + group + " cannot be reset");
            }
            requireNoMembers(known);
            stored = startStore(known, positions, "reset");
            known.resetStarted();
            target = known;
        } finally {
            lock.unlock();
        }
        try {
            await(stored, group, "reset");
        } finally {
            lock.lock();
            try {
                target.resetFinished(); // this group object: a forgotten one is not handed out anyway
            } finally {
                lock.unlock();
            }
        }
        return positions;
    }

    /** The topics to reset with their partition counts; checks the group is empty and the topics exist. */
    private Map<String, Integer> topicsToReset(String group, @Nullable String topic) {
        lock.lock();
        try {
            Group known = current(group, clock.instant());
            if (known != null) {
                requireNoMembers(known);
            }
            if (topic != null) {
                TopicName.of(topic);
                int partitions = catalog.partitions(topic);
                if (partitions == 0) {
                    throw new TopicNotFoundException("topic " + topic + " does not exist; offsets of group " + group
                            + " were not reset");
                }
                return Map.of(topic, partitions);
            }
            if (known == null || known.committed().isEmpty()) {
                throw new UnknownGroupException("group " + group + " has no committed offsets to reset; name the topic"
                        + " whose offsets to set");
            }
            Map<String, Integer> topics = new TreeMap<>();
            List<String> gone = new ArrayList<>();
            for (String committedTopic : known.committed().topics()) {
                int partitions = catalog.partitions(committedTopic);
                if (partitions > 0) {
                    topics.put(committedTopic, partitions);
                } else {
                    gone.add(committedTopic);
                }
            }
            if (topics.isEmpty()) {
                throw new TopicNotFoundException("no topic group " + group + " has committed offsets for exists any"
                        + " more (" + String.join(", ", gone) + "); offsets not reset, name a topic to reset");
            }
            return topics;
        } finally {
            lock.unlock();
        }
    }

    private Map<TopicPartition, Long> positions(Map<String, Integer> topics, OffsetReset to) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        topics.forEach((topic, partitions) -> {
            for (int number = 0; number < partitions; number++) {
                TopicPartition partition = TopicPartition.of(topic, number);
                long start = catalog.logStartOffset(partition);
                long end = catalog.endOffset(partition);
                long position = switch (to) {
                    case OffsetReset.Earliest earliest -> start;
                    case OffsetReset.Latest latest -> end;
                    case OffsetReset.ToOffset(long offset) -> offset;
                    case OffsetReset.ToTime(Instant time) -> catalog.offsetForTime(partition, time);
                };
                positions.put(partition, Math.clamp(position, start, Math.max(start, end)));
            }
        });
        return Map.copyOf(positions);
    }

    private void requireNoMembers(Group group) {
        if (group.memberCount() > 0) {
            throw new GroupNotEmptyException("offsets of group " + group.name() + " cannot be reset while it has "
                    + group.memberCount() + (group.memberCount() == 1 ? " member" : " members") + "; stop them, or wait"
                    + " for their session to time out (" + GroupConfig.SESSION_TIMEOUT.name() + " = "
                    + ConfigKey.formatDuration(config.sessionTimeout()) + "), then reset again");
        }
    }

    /** The group after expiring its members, or null when the coordinator does not know it (any more). */
    private @Nullable Group current(String name, Instant now) {
        Group group = groups.get(name);
        if (group == null) {
            return null;
        }
        group.expire(now);
        return forgetIfUnused(group) ? null : group;
    }

    private Group create(String name, Instant now, String refused) {
        if (groups.size() >= config.maxGroups()) {
            expireAll(now);
        }
        if (groups.size() >= config.maxGroups()) {
            throw new GroupLimitException(refused + ": the coordinator keeps " + groups.size() + " groups, "
                    + GroupConfig.MAX_GROUPS.name() + " = " + config.maxGroups() + "; raise it (a group is kept while"
                    + " it has members or committed offsets)");
        }
        Group group = new Group(name, config, catalog);
        group.handOutNothingUntil(handOutFrom);
        groups.put(name, group);
        return group;
    }

    private void expireAll(Instant now) {
        for (Group group : List.copyOf(groups.values())) {
            group.expire(now);
            forgetIfUnused(group);
        }
    }

    private boolean forgetIfUnused(Group group) {
        if (group.isUnused()) {
            groups.remove(group.name());
            return true;
        }
        return false;
    }

    /**
     * Hands offsets to the store; under the lock, so that the store sees them in the order they were accepted. The
     * future completes once the group remembers the outcome ({@link #settle}: on the thread that completes the store's
     * future, here if it is done already): normally, or with a {@link GroupException} saying the offsets were not
     * {@code what} ("committed", "reset", "forgotten") because the store failed. Whoever may complete it (a caller's
     * timeout) gets a {@link CompletableFuture#copy()}: completing this one would skip the settling.
     */
    private CompletableFuture<Void> startStore(Group group, Map<TopicPartition, Long> offsets, String what) {
        String name = group.name();
        long sequence = ++storeSequence;
        group.storeStarted(sequence, offsets);
        CompletableFuture<Void> stored;
        try {
            stored = Objects.requireNonNull(store.store(name, offsets), "OffsetStore.store returned null");
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        return stored.handle((ok, failure) -> {
            settle(name, sequence, failure == null ? offsets : null);
            if (failure != null) {
                Throwable cause = unwrap(failure);
                throw new CompletionException(new GroupException("offsets of group " + name + " were not " + what
                        + ": the offset store failed: " + cause.getMessage(), cause));
            }
            return null;
        });
    }

    /**
     * Waits, without the lock, for a future of {@link #startStore}; throws its {@link GroupException} when the offsets
     * are not durable. Interrupted, it leaves the store to go on: the group remembers its outcome when it comes.
     */
    private static void await(CompletableFuture<Void> stored, String group, String what) {
        try {
            stored.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GroupException("interrupted while offsets of group " + group + " were being stored: they may be "
                    + what + " or not; committedOffsets tells once the store finished", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new CompletionException(e.getCause());
        }
    }

    private void settle(String name, long sequence, @Nullable Map<TopicPartition, Long> offsets) {
        lock.lock();
        try {
            Group group = groups.get(name); // a group with a store in flight is never forgotten
            if (group != null) {
                group.storeFinished(sequence, offsets);
                forgetIfUnused(group);
            }
        } finally {
            lock.unlock();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private UnknownMemberException unknownMember(String group, String memberId, String prefix) {
        return new UnknownMemberException(prefix + "member " + memberId + " is not in group " + group + ": it left, its"
                + " session timed out (no heartbeat within " + GroupConfig.SESSION_TIMEOUT.name() + " = "
                + ConfigKey.formatDuration(config.sessionTimeout()) + "), it kept a partition past "
                + GroupConfig.REBALANCE_TIMEOUT.name() + " = " + ConfigKey.formatDuration(config.rebalanceTimeout())
                + " after being asked to give it up, or the coordinator restarted; drop every partition without"
                + " committing and join again (generation 0)");
    }
}
