package io.tributary.group.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The rules of decision 0012 for the target assignment, over random groups: up to eight members subscribed to
 * some of three topics of 0 to 12 partitions, with a random current assignment that may name members that are
 * gone, partitions that no longer exist and partitions listed twice.
 */
class StickyAssignorProperties {

    private static final List<String> TOPICS = List.of("orders", "payments", "shipments");
    private static final int MOST_PARTITIONS = 12;

    /** One input of the assignor. */
    record Group(Map<String, Set<String>> subscriptions, Map<String, Integer> partitions,
            Map<String, Set<TopicPartition>> current) {

        SortedMap<String, Set<TopicPartition>> assign() {
            return StickyAssignor.assign(subscriptions, partitions, current);
        }

        List<String> subscribersOf(String topic) {
            return subscriptions.entrySet().stream().filter(e -> e.getValue().contains(topic)).map(Map.Entry::getKey)
                    .sorted().toList();
        }
    }

    @Property(tries = 300)
    void everySubscribedPartition_isAssignedToExactlyOneMemberSubscribedToItsTopic(@ForAll("groups") Group group) {
        SortedMap<String, Set<TopicPartition>> assignment = group.assign();

        assertThat(assignment.keySet()).isEqualTo(group.subscriptions().keySet());
        Map<TopicPartition, String> owners = new HashMap<>();
        assignment.forEach((member, partitions) -> partitions.forEach(partition -> {
            assertThat(owners.put(partition, member)).as("second owner of %s", partition).isNull();
            assertThat(group.subscriptions().get(member)).contains(partition.topic().value());
        }));
        Set<TopicPartition> subscribed = new HashSet<>();
        for (String topic : TOPICS) {
            if (!group.subscribersOf(topic).isEmpty()) {
                partitionsOf(topic, group.partitions().get(topic)).forEach(subscribed::add);
            }
        }
        assertThat(owners.keySet()).isEqualTo(subscribed);
    }

    @Property(tries = 300)
    void perTopic_theCountsOfItsSubscribers_differByAtMostOne(@ForAll("groups") Group group) {
        SortedMap<String, Set<TopicPartition>> assignment = group.assign();

        for (String topic : TOPICS) {
            List<Long> counts = group.subscribersOf(topic).stream().map(member -> count(assignment.get(member), topic))
                    .toList();
            if (!counts.isEmpty()) {
                assertThat(Collections.max(counts) - Collections.min(counts)).as("spread of %s: %s", topic, counts)
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Property(tries = 300)
    void aMember_keepsThePartitionsItHolds_upToTheFloorOfItsShare(@ForAll("groups") Group group) {
        SortedMap<String, Set<TopicPartition>> assignment = group.assign();

        for (String topic : TOPICS) {
            List<String> subscribers = group.subscribersOf(topic);
            if (subscribers.isEmpty()) {
                continue;
            }
            int floor = group.partitions().get(topic) / subscribers.size();
            Set<TopicPartition> claimed = new HashSet<>();
            for (String member : subscribers) { // the lower id keeps a partition listed twice
                Set<TopicPartition> held = new HashSet<>(group.current().getOrDefault(member, Set.of()));
                held.retainAll(partitionsOf(topic, group.partitions().get(topic)));
                held.removeAll(claimed);
                claimed.addAll(held);
                Set<TopicPartition> kept = new HashSet<>(held);
                kept.retainAll(assignment.get(member));
                assertThat(kept).as("%s kept of %s", member, held).hasSizeGreaterThanOrEqualTo(Math.min(held.size(), floor));
            }
        }
    }

    @Property(tries = 300)
    void theSameInput_inAnyIterationOrder_givesTheSameAssignment(@ForAll("groups") Group group) {
        Group reordered = new Group(reversed(group.subscriptions()), reversed(group.partitions()), reversed(group.current()));

        assertThat(reordered.assign()).isEqualTo(group.assign()).isEqualTo(group.assign());
    }

    @Property(tries = 300)
    void aMemberJoiningABalancedGroup_takesOnlyWhatExceedsTheOthersNewShares(@ForAll("equalSubscriptions") Group group,
            @ForAll @IntRange(min = 0, max = 99) int joinerNumber) {
        String joiner = "joiner-" + joinerNumber;
        SortedMap<String, Set<TopicPartition>> before = group.assign();
        Map<String, Set<String>> subscriptions = new HashMap<>(group.subscriptions());
        subscriptions.put(joiner, Set.copyOf(TOPICS));

        SortedMap<String, Set<TopicPartition>> after = StickyAssignor.assign(subscriptions, group.partitions(), before);

        before.forEach((member, held) -> assertThat(held).as("nothing moves to %s", member).containsAll(after.get(member)));
        for (String topic : TOPICS) {
            int share = group.partitions().get(topic) / subscriptions.size();
            long givenUp = before.keySet().stream()
                    .mapToLong(member -> count(before.get(member), topic) - count(after.get(member), topic)).sum();
            assertThat(count(after.get(joiner), topic)).as("the joiner's share of %s", topic).isEqualTo(share);
            assertThat(givenUp).as("partitions of %s given up", topic).isEqualTo(share);
        }
    }

    @Property(tries = 300)
    void aMemberLeavingABalancedGroup_movesOnlyItsOwnPartitions(@ForAll("groups") Group group,
            @ForAll @IntRange(min = 0, max = 7) int leaverIndex) {
        SortedMap<String, Set<TopicPartition>> before = group.assign();
        List<String> members = new ArrayList<>(before.keySet());
        String leaver = members.get(leaverIndex % members.size());
        Map<String, Set<String>> subscriptions = new HashMap<>(group.subscriptions());
        subscriptions.remove(leaver);

        SortedMap<String, Set<TopicPartition>> after = StickyAssignor.assign(subscriptions, group.partitions(), before);

        after.forEach((member, assigned) -> assertThat(assigned).as("%s keeps everything", member)
                .containsAll(before.get(member)));
    }

    @Provide
    Arbitrary<Group> groups() {
        return memberIds().flatMap(members -> Combinators.combine(
                Arbitraries.of(TOPICS).set().ofMinSize(1).list().ofSize(members.size()), partitionCounts(),
                currentAssignments(members)).as((topics, partitions, current) -> {
                    Map<String, Set<String>> subscriptions = new HashMap<>();
                    for (int i = 0; i < members.size(); i++) {
                        subscriptions.put(members.get(i), topics.get(i));
                    }
                    return new Group(subscriptions, partitions, current);
                }));
    }

    @Provide
    Arbitrary<Group> equalSubscriptions() {
        return memberIds().flatMap(members -> Combinators.combine(partitionCounts(), currentAssignments(members))
                .as((partitions, current) -> {
                    Map<String, Set<String>> subscriptions = new HashMap<>();
                    members.forEach(member -> subscriptions.put(member, Set.copyOf(TOPICS)));
                    return new Group(subscriptions, partitions, current);
                }));
    }

    private static Arbitrary<List<String>> memberIds() {
        return Arbitraries.integers().between(0, 40).map(n -> String.format("member-%02d", n)).set()
                .ofMinSize(1).ofMaxSize(8).map(List::copyOf);
    }

    private static Arbitrary<Map<String, Integer>> partitionCounts() {
        return Arbitraries.integers().between(0, MOST_PARTITIONS).list().ofSize(TOPICS.size()).map(counts -> {
            Map<String, Integer> partitions = new HashMap<>();
            for (int i = 0; i < TOPICS.size(); i++) {
                partitions.put(TOPICS.get(i), counts.get(i));
            }
            return partitions;
        });
    }

    /**
     * Each partition slot (including a few beyond any count) held by a member, a member that is gone, or nobody;
     * plus a few partitions listed for a second member.
     */
    private static Arbitrary<Map<String, Set<TopicPartition>>> currentAssignments(List<String> members) {
        List<String> holders = new ArrayList<>(members);
        holders.add("gone");
        holders.add("nobody");
        int slots = TOPICS.size() * (MOST_PARTITIONS + 2);
        Arbitrary<List<String>> holderOfEachSlot = Arbitraries.of(holders).list().ofSize(slots);
        Arbitrary<List<Integer>> listedTwice = Arbitraries.integers().between(0, slots - 1).list().ofMaxSize(3);
        return Combinators.combine(holderOfEachSlot, listedTwice, Arbitraries.of(members)).as((holder, twice, second) -> {
            Map<String, Set<TopicPartition>> current = new HashMap<>();
            for (int slot = 0; slot < slots; slot++) {
                if (!holder.get(slot).equals("nobody")) {
                    current.computeIfAbsent(holder.get(slot), m -> new HashSet<>()).add(slotPartition(slot));
                }
            }
            twice.forEach(slot -> current.computeIfAbsent(second, m -> new HashSet<>()).add(slotPartition(slot)));
            return current;
        });
    }

    private static TopicPartition slotPartition(int slot) {
        return TopicPartition.of(TOPICS.get(slot % TOPICS.size()), slot / TOPICS.size());
    }

    private static List<TopicPartition> partitionsOf(String topic, int count) {
        return IntStream.range(0, count).mapToObj(partition -> TopicPartition.of(topic, partition)).toList();
    }

    private static long count(Set<TopicPartition> partitions, String topic) {
        return partitions.stream().filter(partition -> partition.topic().value().equals(topic)).count();
    }

    private static <K, V> Map<K, V> reversed(Map<K, V> map) {
        List<Map.Entry<K, V>> entries = new ArrayList<>(map.entrySet());
        Collections.reverse(entries);
        Map<K, V> reversed = new LinkedHashMap<>();
        entries.forEach(entry -> reversed.put(entry.getKey(), entry.getValue()));
        return reversed;
    }
}
