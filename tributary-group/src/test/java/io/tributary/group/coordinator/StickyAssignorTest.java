package io.tributary.group.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.TopicPartition;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tie-breaking rules of {@link StickyAssignor}, by example; {@link StickyAssignorProperties} checks the rest. */
class StickyAssignorTest {

    @Test
    void freePartitions_goToTheMemberWithTheFewestOfTheTopic_thenFewestOverall_thenLowestId() {
        Map<String, Set<String>> subscriptions = Map.of("a", Set.of("audit", "orders"), "b", Set.of("orders"),
                "c", Set.of("orders"));

        var assignment = StickyAssignor.assign(subscriptions, Map.of("audit", 1, "orders", 4), Map.of());

        // topics go by name: a alone subscribes to audit and gets its partition. Of orders, b and c, with fewer
        // partitions overall than a, get the first two, a (none of orders yet) the third; all hold one of orders
        // then, so the fourth goes to the one of fewest overall with the lowest id: b
        assertThat(assignment.get("a")).containsExactlyInAnyOrder(tp("audit", 0), tp("orders", 2));
        assertThat(assignment.get("b")).containsExactlyInAnyOrder(tp("orders", 0), tp("orders", 3));
        assertThat(assignment.get("c")).containsExactlyInAnyOrder(tp("orders", 1));
    }

    @Test
    void membersHoldingMoreThanTheFloor_keepTheCeilSlots_andGiveUpTheirHighestPartitions() {
        Map<String, Set<String>> subscriptions = Map.of("a", Set.of("orders"), "b", Set.of("orders"),
                "c", Set.of("orders"));

        var assignment = StickyAssignor.assign(subscriptions, Map.of("orders", 7),
                Map.of("b", partitions("orders", 0, 1, 2, 3), "c", partitions("orders", 4, 5, 6)));

        // shares 3, 2, 2: b and c hold more than the floor (2) and keep the ceil slot; a is new
        assertThat(assignment.get("b")).containsExactlyInAnyOrderElementsOf(partitions("orders", 0, 1, 2));
        assertThat(assignment.get("c")).containsExactlyInAnyOrderElementsOf(partitions("orders", 4, 5));
        assertThat(assignment.get("a")).containsExactlyInAnyOrderElementsOf(partitions("orders", 3, 6));
    }

    @Test
    void aTopicWithoutPartitions_assignsNothing_andEveryMemberIsListed() {
        var assignment = StickyAssignor.assign(Map.of("a", Set.of("missing")), Map.of(), Map.of());

        assertThat(assignment).containsExactly(Map.entry("a", Set.of()));
    }

    private static TopicPartition tp(String topic, int partition) {
        return TopicPartition.of(topic, partition);
    }

    private static Set<TopicPartition> partitions(String topic, int... numbers) {
        return Arrays.stream(numbers).mapToObj(n -> tp(topic, n)).collect(Collectors.toSet());
    }
}
