package io.tributary.group.coordinator;

import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import io.tributary.api.config.ConfigKey;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupLimitException;
import io.tributary.group.GroupState;
import io.tributary.group.GroupSummary;
import io.tributary.group.Heartbeat;
import io.tributary.group.MemberDescription;
import io.tributary.group.PartitionProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer group of a {@link LocalGroupCoordinator}: its members, their target assignment (one per
 * generation), who holds which partition since which generation, and its committed offsets. It applies the rules
 * of decision 0012 to one group; the coordinator adds the lock, the limit on groups, expiry across groups and the
 * offset store.
 *
 * <p>Invariants: a partition has at most one owner ({@link #owners} and the members' {@link Member#owned()} agree);
 * a member is asked to give up only partitions it holds outside its target. Not thread-safe: every method runs
 * under the coordinator's lock, and none blocks (the catalog answers from memory).
 */
final class Group {

    private static final Logger LOG = LoggerFactory.getLogger(LocalGroupCoordinator.class);

    /** The heartbeat interval asked of a member while its partitions move, so that handovers are quick. */
    static final Duration MOVING_HEARTBEAT_INTERVAL = Duration.ofMillis(100);

    private final String name;
    private final GroupConfig config;
    private final TopicCatalog catalog;
    private final SortedMap<String, Member> members = new TreeMap<>();
    private final Map<TopicPartition, Member> owners = new HashMap<>();
    private final CommittedOffsets committed = new CommittedOffsets();
    /** 0 until a member first joins; then one more at each change of the target assignment. */
    private int generation;
    /** The target assignment of this generation: every member to its partitions, possibly none. */
    private SortedMap<String, Set<TopicPartition>> targets = Collections.emptySortedMap();
    /** The partition count of each subscribed topic, as the target assignment used it. */
    private Map<String, Integer> partitionCounts = Map.of();
    /** Resets whose offsets are not durable yet: no partition is handed out meanwhile (see {@link #answer}). */
    private int resetsInFlight;
    /**
     * No member can time out before this instant, so {@link #expire} need not look at every member on every call.
     * Kept conservative: heartbeats only push deadlines later, and joins and requests to give a partition up lower
     * it to their own deadline.
     */
    private Instant nextExpiry = Instant.MAX;
    /** Free partitions are handed out from this instant on; see {@link #handOutNothingUntil}. */
    private Instant handOutFrom = Instant.MIN;

    Group(String name, GroupConfig config, TopicCatalog catalog) {
        this.name = name;
        this.config = config;
        this.catalog = catalog;
    }

    String name() {
        return name;
    }

    boolean hasMember(String memberId) {
        return members.containsKey(memberId);
    }

    int memberCount() {
        return members.size();
    }

    CommittedOffsets committed() {
        return committed;
    }

    /** Whether the coordinator may forget the group: no members, no committed offsets, no store under way. */
    boolean isUnused() {
        return members.isEmpty() && committed.isEmpty() && !committed.hasStoresInFlight();
    }

    /**
     * Admits a new member, computes the new target assignment; the join's answer comes from {@link #heartbeat}.
     *
     * @throws GroupLimitException if the group has {@code max-members} members
     */
    void join(Heartbeat join, Instant now) {
        if (members.size() >= config.maxMembers()) {
            throw new GroupLimitException("member " + join.memberId() + " cannot join group " + name + ": it has "
                    + members.size() + " members, " + GroupConfig.MAX_MEMBERS.name() + " = " + config.maxMembers()
                    + "; raise it, or spread the members over more groups");
        }
        Member member = new Member(join.memberId(), join.clientId(), join.topics(), now);
        members.put(member.id(), member);
        expiresBy(now.plus(config.sessionTimeout()));
        reassign();
        LOG.info("group {}: member {} joined (client {}, topics {}); generation {}", name, member.id(),
                member.clientId(), member.topics(), generation);
    }

    /**
     * A heartbeat (or a resent join) of a member the group knows: takes note of its topics and of what it gave up,
     * and answers what it may hold now.
     */
    Assignment heartbeat(Heartbeat heartbeat, Instant now) {
        Member member = members.get(heartbeat.memberId());
        member.heard(now, heartbeat.clientId());
        String change = member.subscribe(heartbeat.topics())
                ? "member " + member.id() + " now subscribes to " + member.topics()
                : partitionCountChange();
        if (change != null) {
            boolean moved = reassign();
            LOG.info("group {}: {}; {}", name, change, moved ? "generation " + generation
                    : "assignment unchanged, generation " + generation);
        }
        for (TopicPartition partition : List.copyOf(member.owned().keySet())) {
            if (!heartbeat.owned().contains(partition)) {
                release(member, partition);
            }
        }
        return answer(member, now);
    }

    /** Removes the member and moves its partitions at once; false when the group does not know it. */
    boolean leave(String memberId) {
        Member member = members.remove(memberId);
        if (member == null) {
            return false;
        }
        releaseAll(member);
        reassign();
        LOG.info("group {}: member {} left; generation {}", name, memberId, generation);
        return true;
    }

    /**
     * Removes the members whose session timed out, or who kept a partition past the rebalance timeout after being
     * asked to give it up; their partitions are free at once.
     */
    void expire(Instant now) {
        if (!now.isAfter(nextExpiry)) {
            return;
        }
        nextExpiry = Instant.MAX;
        Map<String, String> removed = new TreeMap<>();
        for (Iterator<Member> it = members.values().iterator(); it.hasNext(); ) {
            Member member = it.next();
            String reason = expiry(member, now);
            if (reason != null) {
                releaseAll(member);
                it.remove();
                removed.put(member.id(), reason);
            } else {
                expiresBy(member.lastHeartbeat().plus(config.sessionTimeout()));
                member.askedToGiveUp().values().forEach(asked -> expiresBy(asked.plus(config.rebalanceTimeout())));
            }
        }
        if (!removed.isEmpty()) {
            reassign();
            removed.forEach((member, reason) -> LOG.info("group {}: member {} removed: {}; generation {}", name, member,
                    reason, generation));
        }
    }

    /**
     * Checks that the member may commit every partition of {@code commit}: it holds it, got it in the commit's
     * generation or earlier, and the generation is not from the future.
     *
     * @throws FencedMemberException naming the first partition that fails
     */
    void checkCommit(Commit commit) {
        Member member = members.get(commit.memberId());
        SortedSet<TopicPartition> partitions = new TreeSet<>(StickyAssignor.BY_TOPIC_AND_NUMBER);
        partitions.addAll(commit.offsets().keySet());
        for (TopicPartition partition : partitions) {
            Member owner = owners.get(partition);
            String refusal = null;
            if (owner == null) {
                refusal = "no member holds it";
            } else if (owner != member) {
                refusal = "member " + owner.id() + " holds it since generation " + owner.owned().get(partition);
            } else if (commit.generation() < member.owned().get(partition)) {
                refusal = "the member holds it since generation " + member.owned().get(partition)
                        + ", so the commit comes from an earlier time it held it";
            } else if (commit.generation() > generation) {
                refusal = "the group is only at generation " + generation;
            }
            if (refusal != null) {
                throw new FencedMemberException("commit of group " + name + " by member " + commit.memberId()
                        + " in generation " + commit.generation() + " refused, nothing of it kept: " + partition + ": "
                        + refusal + "; stop handling " + partition + " without committing, the member's next"
                        + " heartbeat says what it holds");
            }
        }
    }

    /** A store of this group's offsets was started; the group is not forgotten until it finished. */
    void storeStarted(long sequence, Map<TopicPartition, Long> offsets) {
        committed.storing(sequence, offsets.keySet());
    }

    /** The store call number {@code sequence} finished: with {@code offsets} durable, or failed ({@code null}). */
    void storeFinished(long sequence, @Nullable Map<TopicPartition, Long> offsets) {
        committed.storeEnded(sequence, offsets);
    }

    GroupState state() {
        if (members.isEmpty()) {
            return GroupState.EMPTY;
        }
        for (Member member : members.values()) {
            Set<TopicPartition> target = targets.get(member.id());
            if (!member.owned().keySet().equals(target)) {
                return GroupState.REBALANCING;
            }
        }
        return GroupState.STABLE;
    }

    GroupSummary summary() {
        return new GroupSummary(name, state(), members.size(), generation);
    }

    /** Members by id, and progress in every partition of a subscribed topic or with a committed offset. */
    GroupDescription describe() {
        List<MemberDescription> described = new ArrayList<>();
        SortedSet<TopicPartition> partitions = new TreeSet<>(StickyAssignor.BY_TOPIC_AND_NUMBER);
        for (Member member : members.values()) {
            described.add(new MemberDescription(member.id(), member.clientId(), member.topics(),
                    member.owned().keySet(), targets.get(member.id()), member.lastHeartbeat()));
            for (String topic : member.topicSet()) {
                int count = catalog.partitions(topic);
                for (int partition = 0; partition < count; partition++) {
                    partitions.add(TopicPartition.of(topic, partition));
                }
            }
        }
        partitions.addAll(committed.partitions());
        List<PartitionProgress> progress = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            if (partition.partition() >= catalog.partitions(partition.topic().value())) {
                continue; // its topic is gone (or shrank): there is no log to measure
            }
            try {
                Member owner = owners.get(partition);
                progress.add(new PartitionProgress(partition, owner == null ? null : owner.id(),
                        committed.of(partition), catalog.logStartOffset(partition), catalog.endOffset(partition)));
            } catch (TopicNotFoundException deletedMeanwhile) {
                // deleted between the two questions: as if it were gone already
            }
        }
        return new GroupDescription(name, state(), generation, described, progress);
    }

    /** A reset of this group's offsets started; until {@link #resetFinished()} no partition is handed out. */
    void resetStarted() {
        resetsInFlight++;
    }

    void resetFinished() {
        resetsInFlight--;
    }

    /**
     * Hands out no free partition before {@code instant}: a coordinator that restarted does not know which
     * members of the group are still handling partitions from before; each of them learns that it is unknown at
     * its next heartbeat and stops, and until they have, nobody else may start on those partitions.
     */
    void handOutNothingUntil(Instant instant) {
        handOutFrom = instant;
    }

    /** The member's answer: its target partitions that nobody else holds; notes what it is asked to give up. */
    private Assignment answer(Member member, Instant now) {
        Set<TopicPartition> target = targets.get(member.id());
        Set<TopicPartition> mayHold = new HashSet<>();
        boolean moving = false;
        // A member that took a partition while a reset is stored would read the offsets from before it, and its
        // first commit would undo the reset.
        boolean handingOut = !now.isBefore(handOutFrom) && resetsInFlight == 0;
        for (TopicPartition partition : target) {
            Member owner = owners.get(partition);
            if (owner == null && !handingOut) {
                moving = true; // members from before a restart may still be handling it
            } else if (owner == null) {
                owners.put(partition, member);
                member.take(partition, generation);
                mayHold.add(partition);
            } else if (owner == member) {
                mayHold.add(partition);
            } else {
                moving = true; // another member has yet to give it up
            }
        }
        for (TopicPartition partition : member.owned().keySet()) {
            if (!target.contains(partition)) {
                expiresBy(member.askToGiveUp(partition, now).plus(config.rebalanceTimeout()));
                moving = true;
            }
        }
        Duration interval = config.heartbeatInterval();
        if (moving && MOVING_HEARTBEAT_INTERVAL.compareTo(interval) < 0) {
            interval = MOVING_HEARTBEAT_INTERVAL;
        }
        return new Assignment(member.id(), generation, mayHold, interval);
    }

    /** Recomputes the target assignment; a new generation when it differs. Returns whether it differs. */
    private boolean reassign() {
        Map<String, Set<String>> subscriptions = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        members.forEach((id, member) -> {
            subscriptions.put(id, member.topicSet());
            member.topicSet().forEach(topic -> counts.computeIfAbsent(topic, catalog::partitions));
        });
        SortedMap<String, Set<TopicPartition>> next = StickyAssignor.assign(subscriptions, counts, targets);
        partitionCounts = Map.copyOf(counts);
        if (next.equals(targets)) {
            return false;
        }
        targets = next;
        generation++;
        for (Member member : members.values()) {
            Set<TopicPartition> target = targets.get(member.id());
            member.owned().keySet().stream().filter(target::contains).toList().forEach(member::keep);
        }
        return true;
    }

    /** Which subscribed topics have another partition count than the target assignment used, or null. */
    private @Nullable String partitionCountChange() {
        List<String> changes = new ArrayList<>();
        new TreeMap<>(partitionCounts).forEach((topic, used) -> {
            int now = catalog.partitions(topic);
            if (now != used) {
                changes.add("topic " + topic + " has " + now + " partitions (was " + used + ")");
            }
        });
        return changes.isEmpty() ? null : String.join(", ", changes);
    }

    private @Nullable String expiry(Member member, Instant now) {
        Duration silent = Duration.between(member.lastHeartbeat(), now);
        if (silent.compareTo(config.sessionTimeout()) > 0) {
            return "no heartbeat for " + ConfigKey.formatDuration(silent) + " (" + GroupConfig.SESSION_TIMEOUT.name()
                    + " = " + ConfigKey.formatDuration(config.sessionTimeout()) + ")";
        }
        for (Map.Entry<TopicPartition, Instant> asked : member.askedToGiveUp().entrySet()) {
            Duration kept = Duration.between(asked.getValue(), now);
            if (kept.compareTo(config.rebalanceTimeout()) > 0) {
                return "kept " + asked.getKey() + " for " + ConfigKey.formatDuration(kept) + " after being asked to give"
                        + " it up (" + GroupConfig.REBALANCE_TIMEOUT.name() + " = "
                        + ConfigKey.formatDuration(config.rebalanceTimeout()) + ")";
            }
        }
        return null;
    }

    private void expiresBy(Instant deadline) {
        if (deadline.isBefore(nextExpiry)) {
            nextExpiry = deadline;
        }
    }

    private void release(Member member, TopicPartition partition) {
        member.release(partition);
        owners.remove(partition);
    }

    private void releaseAll(Member member) {
        member.owned().keySet().forEach(owners::remove);
    }
}
