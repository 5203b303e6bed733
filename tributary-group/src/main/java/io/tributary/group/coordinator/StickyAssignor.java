package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a group's target assignment (decision 0012), topic by topic, among the members subscribed to
 * each topic:
 *
 * <ol>
 *   <li><b>Balanced:</b> with {@code n} subscribers and {@code p} partitions, every subscriber gets
 *       {@code p / n} partitions and {@code p % n} of them one more (the <em>ceil slots</em>).</li>
 *   <li><b>Sticky:</b> a subscriber keeps the partitions of its current target up to its share. The ceil slots
 *       go first to the subscribers that already hold more than the floor (in member-id order), so that as few
 *       partitions as possible move. A member keeps its lowest-numbered partitions when it must give some up.</li>
 *   <li><b>Free partitions</b> (held by nobody, or given up), lowest first, go to the subscriber with the fewest
 *       partitions of the topic that still has room; ties go to the one with the fewest partitions overall,
 *       then to the lowest member id.</li>
 * </ol>
 *
 * <p>Consequences the property tests check: with equal subscriptions, a member joining a balanced group takes
 * exactly {@code p / (n + 1)} partitions of each topic, each given up by a member that held more than its new
 * share, and nothing moves between the others; a member leaving moves only its own partitions. The result is a
 * function of its input alone (iteration orders of the arguments do not matter). A topic with 0 partitions
 * (missing) assigns nothing.
 *
 * <p>Costs {@code O(p × n)} per topic. Stateless and thread-safe.
 */
final class StickyAssignor {

    /** Orders partitions by topic, then number: the order the assignment hands out free partitions in. */
    static final Comparator<TopicPartition> BY_TOPIC_AND_NUMBER = Comparator
            .comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);

    private StickyAssignor() {
    }

    /**
     * The new target assignment.
     *
     * @param subscriptions   member id to the topics it subscribes to
     * @param partitionCounts topic to its number of partitions; a topic that is absent has none
     * @param current         member id to its current target; what does not fit (a member that is gone, a topic it
     *                        no longer subscribes to, a partition beyond the count, a partition listed for two
     *                        members: the lower id keeps it) is ignored
     * @return every member of {@code subscriptions} (in member-id order) to its new target, possibly empty
     */
    static SortedMap<String, Set<TopicPartition>> assign(Map<String, Set<String>> subscriptions,
            Map<String, Integer> partitionCounts, Map<String, Set<TopicPartition>> current) {
        SortedMap<String, SortedSet<TopicPartition>> next = new TreeMap<>();
        SortedSet<String> topics = new TreeSet<>();
        subscriptions.forEach((member, subscribed) -> {
            next.put(member, new TreeSet<>(BY_TOPIC_AND_NUMBER));
            topics.addAll(subscribed);
        });
        for (String topic : topics) {
            int partitions = partitionCounts.getOrDefault(topic, 0);
            if (partitions > 0) {
                List<String> subscribers = next.keySet().stream()
                        .filter(member -> subscriptions.get(member).contains(topic)).toList();
                assignTopic(topic, partitions, subscribers, current, next);
            }
        }
        SortedMap<String, Set<TopicPartition>> result = new TreeMap<>();
        next.forEach((member, assigned) -> result.put(member, Collections.unmodifiableSortedSet(assigned)));
        return Collections.unmodifiableSortedMap(result);
    }

    private static void assignTopic(String topic, int partitions, List<String> subscribers,
            Map<String, Set<TopicPartition>> current, SortedMap<String, SortedSet<TopicPartition>> next) {
        int floor = partitions / subscribers.size();
        Map<String, List<Integer>> held = heldNow(topic, partitions, subscribers, current);

        Set<String> ceil = new HashSet<>();
        int ceilSlots = partitions % subscribers.size();
        for (String member : subscribers) {
            if (ceil.size() < ceilSlots && held.get(member).size() > floor) {
                ceil.add(member);
            }
        }

        boolean[] taken = new boolean[partitions];
        Map<String, Integer> counts = new HashMap<>();
        for (String member : subscribers) {
            List<Integer> mine = held.get(member);
            int keep = Math.min(mine.size(), ceil.contains(member) ? floor + 1 : floor);
            for (int partition : mine.subList(0, keep)) {
                taken[partition] = true;
                next.get(member).add(TopicPartition.of(topic, partition));
            }
            counts.put(member, keep);
        }

        for (int partition = 0; partition < partitions; partition++) {
            if (taken[partition]) {
                continue;
            }
            String to = null;
            for (String member : subscribers) {
                int count = counts.get(member);
                boolean room = ceil.contains(member) ? count <= floor : count < floor || ceil.size() < ceilSlots;
                if (room && (to == null || fewer(member, to, counts, next))) {
                    to = member;
                }
            }
            // the shares add up to the partition count, so some subscriber always has room
            assert to != null;
            int count = counts.merge(to, 1, Integer::sum);
            if (count > floor) {
                ceil.add(to);
            }
            next.get(to).add(TopicPartition.of(topic, partition));
        }
    }

    /** Per subscriber, its current partitions of the topic that still exist, lowest first, each listed once. */
    private static Map<String, List<Integer>> heldNow(String topic, int partitions, List<String> subscribers,
            Map<String, Set<TopicPartition>> current) {
        boolean[] claimed = new boolean[partitions];
        Map<String, List<Integer>> held = new HashMap<>();
        for (String member : subscribers) {
            List<Integer> mine = new ArrayList<>();
            current.getOrDefault(member, Set.of()).stream()
                    .filter(tp -> tp.topic().value().equals(topic) && tp.partition() < partitions)
                    .map(TopicPartition::partition).sorted()
                    .forEach(partition -> {
                        if (!claimed[partition]) {
                            claimed[partition] = true;
                            mine.add(partition);
                        }
                    });
            held.put(member, mine);
        }
        return held;
    }

    /** Whether {@code a} should get a free partition before {@code b}, which sorts before it. */
    private static boolean fewer(String a, String b, Map<String, Integer> counts,
            SortedMap<String, SortedSet<TopicPartition>> next) {
        int byTopic = Integer.compare(counts.get(a), counts.get(b));
        if (byTopic != 0) {
            return byTopic < 0;
        }
        return next.get(a).size() < next.get(b).size();
    }
}
