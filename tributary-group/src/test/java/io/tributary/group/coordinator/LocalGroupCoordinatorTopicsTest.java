package io.tributary.group.coordinator;

import static io.tributary.group.coordinator.CoordinatorFixture.partitions;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.TopicPartition;
import io.tributary.group.Assignment;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupState;
import io.tributary.group.Heartbeat;
import io.tributary.group.PartitionProgress;
import io.tributary.group.ScriptedMember;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the assignment follows the topics: partitions added, topics deleted, subscriptions changed. */
class LocalGroupCoordinatorTopicsTest {

    private static final String GROUP = "billing";

    private final CoordinatorFixture fixture = new CoordinatorFixture();

    @Test
    void partitionsAddedToASubscribedTopic_areAssignedAtTheNextHeartbeat_inANewGeneration() {
        String orders = fixture.topic("orders", 2);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        int generation = member.join().generation();

        fixture.catalog.growTo(orders, 4);
        Assignment grown = member.heartbeat();

        assertThat(grown.partitions()).isEqualTo(partitions(orders, 4));
        assertThat(grown.generation()).isEqualTo(generation + 1);
    }

    @Test
    void aDeletedTopic_isTakenFromTheMember_andLeftOutOfTheDescription() {
        String orders = fixture.topic("orders", 2);
        String audit = fixture.topic("audit", 1);
        ScriptedMember member = fixture.member(GROUP, "member", orders, audit);
        member.join();
        member.commit(TopicPartition.of(orders, 0), 1L);

        fixture.catalog.deleteTopic(orders);
        Assignment answer = member.heartbeat();

        assertThat(answer.partitions()).isEqualTo(partitions(audit, 1));
        member.heartbeat();
        GroupDescription description = fixture.coordinator.describe(GROUP);
        assertThat(description.state()).isEqualTo(GroupState.STABLE);
        assertThat(description.partitions()).extracting(PartitionProgress::partition)
                .containsExactly(TopicPartition.of(audit, 0));
    }

    @Test
    void aMemberChangingItsTopics_getsTheNewOnesAndGivesUpTheOldOnes() {
        String orders = fixture.topic("orders", 1);
        String payments = fixture.topic("payments", 1);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        Assignment joined = member.join();

        Assignment changed = fixture.coordinator.heartbeat(new Heartbeat(GROUP, "member", joined.generation(),
                "client", List.of(payments), joined.partitions()));

        assertThat(changed.partitions()).isEqualTo(partitions(payments, 1));
        assertThat(changed.generation()).isEqualTo(joined.generation() + 1);
        assertThat(fixture.coordinator.describe(GROUP).members().getFirst().topics()).containsExactly(payments);
    }

    @Test
    void aMemberOfATopicThatDoesNotExistYet_joinsWithNothing_andGetsItsPartitionsOnceItExists() {
        ScriptedMember early = fixture.member(GROUP, "early", "orders");
        assertThat(early.join().partitions()).isEmpty();

        fixture.topic("orders", 2);

        assertThat(early.heartbeat().partitions()).isEqualTo(partitions("orders", 2));
    }

    @Test
    void describe_showsCommittedPartitionsOfTopicsNoMemberSubscribesTo_byTopicThenPartition() {
        String orders = fixture.topic("orders", 2);
        String audit = fixture.topic("audit", 1);
        ScriptedMember before = fixture.member(GROUP, "before", audit);
        before.join();
        before.commit(TopicPartition.of(audit, 0), 3L);
        before.leave();

        fixture.member(GROUP, "now", orders).join();

        assertThat(fixture.coordinator.describe(GROUP).partitions()).extracting(PartitionProgress::partition)
                .containsExactly(TopicPartition.of(audit, 0), TopicPartition.of(orders, 0), TopicPartition.of(orders, 1));
    }

    @Test
    void membersOfDifferentTopics_shareOnlyTheTopicsTheyBothSubscribeTo() {
        String orders = fixture.topic("orders", 2);
        String audit = fixture.topic("audit", 2);
        ScriptedMember both = fixture.member(GROUP, "both", orders, audit);
        ScriptedMember ordersOnly = fixture.member(GROUP, "orders-only", orders);
        both.join();
        ordersOnly.join();

        fixture.settle(GROUP, both, ordersOnly);

        assertThat(both.held()).containsAll(partitions(audit, 2)).hasSize(3);
        assertThat(ordersOnly.held()).hasSize(1).isSubsetOf(partitions(orders, 2));
    }
}
