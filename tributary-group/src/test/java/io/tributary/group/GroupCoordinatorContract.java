package io.tributary.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link GroupCoordinator} does (decision 0012), whatever runs it: bound once per implementation by a
 * subclass (the coordinator in a process; the client against a broker; the {@code mem:} bus). Shipped in this
 * module's test-jar.
 *
 * <p>For bindings: the specs never control time (so nothing here depends on a session timing out; defaults are
 * fine), and every group and topic name is unique per test ({@link #name}), so a broker can be shared between
 * tests. Each spec calls {@link #coordinator()} as often as it likes; it must answer the same coordinator within
 * one test.
 */
public abstract class GroupCoordinatorContract {

    private String unique = "";

    /** The coordinator under test. */
    protected abstract GroupCoordinator coordinator();

    /** Creates {@code topic} with {@code partitions} partitions, empty. */
    protected abstract void createTopic(String topic, int partitions);

    /** Appends {@code records} records to the partition, committed when this returns. */
    protected abstract void append(String topic, int partition, int records);

    @BeforeEach
    void chooseNames() {
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    /** {@code base} made unique to this test, as a group or topic name. */
    protected final String name(String base) {
        return base + "-" + unique;
    }

    // --- joining and handover ---------------------------------------------------------------------------------

    @Test
    public void join_ofTheOnlyMember_getsEveryPartitionOfItsTopics() {
        String orders = topic("orders", 3);
        String payments = topic("payments", 2);
        ScriptedMember only = member("only", orders, payments);

        Assignment joined = only.join();

        assertThat(joined.memberId()).isEqualTo("only");
        assertThat(joined.partitions()).isEqualTo(union(partitions(orders, 3), partitions(payments, 2)));
        assertThat(joined.generation()).isPositive();
        assertThat(joined.heartbeatInterval()).isPositive();
    }

    @Test
    public void secondMember_getsItsShare_onlyOnceTheFirstGaveItUp() {
        String orders = topic("orders", 4);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        int firstGeneration = first.join().generation();

        assertThat(second.join().partitions()).as("all still held by the first").isEmpty();
        Assignment asked = first.heartbeat();
        assertThat(asked.partitions()).as("the first keeps its share").hasSize(2).isSubsetOf(partitions(orders, 4));
        assertThat(asked.generation()).isGreaterThan(firstGeneration);
        Set<TopicPartition> moving = minus(partitions(orders, 4), asked.partitions());
        assertThat(second.heartbeat().partitions()).as("before the first reported giving them up").isEmpty();

        first.heartbeat(); // without the two it gave up
        Assignment taken = second.heartbeat();

        assertThat(taken.partitions()).isEqualTo(moving);
        assertThat(taken.generation()).isEqualTo(asked.generation());
        assertThat(coordinator().describe(group()).state()).isEqualTo(GroupState.STABLE);
    }

    @Test
    public void aMemberKeepingItsPartitions_isNotDisturbed_whenAnotherJoins() {
        String orders = topic("orders", 6);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        first.join();
        second.join();
        settle(first, second);
        int before = first.generation();
        Set<TopicPartition> held = first.held();

        ScriptedMember third = member("third", orders);
        third.join();
        Assignment answer = first.heartbeat();

        assertThat(answer.partitions()).as("it gives up one of three, keeps the rest").hasSize(2).isSubsetOf(held);
        TopicPartition kept = answer.partitions().iterator().next();
        first.commit(before, Map.of(kept, 1L)); // still its own: the generation it got it in is not older
        assertThat(coordinator().committedOffsets(group(), List.of(kept))).containsExactly(Map.entry(kept, 1L));
        settle(first, second, third);
        assertThat(first.held()).isEqualTo(answer.partitions());
    }

    @Test
    public void leave_movesTheLeaversPartitionsAtOnce() {
        String orders = topic("orders", 4);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        first.join();
        second.join();
        settle(first, second);

        second.leave();

        assertThat(first.heartbeat().partitions()).isEqualTo(partitions(orders, 4));
        assertThat(coordinator().describe(group()).members()).extracting(MemberDescription::memberId)
                .containsExactly("first");
    }

    @Test
    public void leave_ofAMemberTheGroupDoesNotKnow_doesNothing() {
        String orders = topic("orders", 1);
        ScriptedMember first = member("first", orders);
        first.join();

        coordinator().leave(group(), "stranger");
        coordinator().leave(name("no-such-group"), "stranger");

        assertThat(first.heartbeat().partitions()).isEqualTo(partitions(orders, 1));
    }

    @Test
    public void resentJoin_isHarmless() {
        String orders = topic("orders", 2);
        ScriptedMember only = member("only", orders);
        Assignment lost = only.join();

        Assignment again = only.join();

        assertThat(again.partitions()).isEqualTo(lost.partitions());
        assertThat(again.generation()).isEqualTo(lost.generation());
        assertThat(coordinator().describe(group()).members()).hasSize(1);
    }

    @Test
    public void heartbeat_ofAMemberTheGroupDoesNotKnow_isRefused_soThatItJoinsAgain() {
        String orders = topic("orders", 1);
        Heartbeat fromNowhere = new Heartbeat(group(), "ghost", 3, "client", List.of(orders), Set.of());

        assertThatThrownBy(() -> coordinator().heartbeat(fromNowhere)).isInstanceOf(UnknownMemberException.class)
                .hasMessageContaining("ghost").hasMessageContaining("join again");
        member("first", orders).join();
        assertThatThrownBy(() -> coordinator().heartbeat(fromNowhere)).isInstanceOf(UnknownMemberException.class);
    }

    // --- commits and fencing ----------------------------------------------------------------------------------

    @Test
    public void commit_byTheOwner_isVisibleInCommittedOffsets() {
        String orders = topic("orders", 2);
        ScriptedMember only = member("only", orders);
        only.join();

        only.commit(only.generation(), Map.of(TopicPartition.of(orders, 0), 5L, TopicPartition.of(orders, 1), 7L));

        assertThat(coordinator().committedOffsets(group(), List.of()))
                .isEqualTo(Map.of(TopicPartition.of(orders, 0), 5L, TopicPartition.of(orders, 1), 7L));
        assertThat(coordinator().committedOffsets(group(), List.of(TopicPartition.of(orders, 1))))
                .isEqualTo(Map.of(TopicPartition.of(orders, 1), 7L));
        only.commit(TopicPartition.of(orders, 1), 9L);
        assertThat(coordinator().committedOffsets(group(), List.of(TopicPartition.of(orders, 1))))
                .isEqualTo(Map.of(TopicPartition.of(orders, 1), 9L));
    }

    @Test
    public void committedOffsets_ofAGroupNobodyKnows_areNone() {
        assertThat(coordinator().committedOffsets(name("nobody"), List.of())).isEmpty();
    }

    @Test
    public void commit_ofAPartitionTheMemberDoesNotHold_isFenced_andNothingOfItIsKept() {
        String orders = topic("orders", 2);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        first.join();
        second.join();
        settle(first, second);
        TopicPartition mine = first.held().iterator().next();
        TopicPartition theirs = second.held().iterator().next();

        assertThatThrownBy(() -> first.commit(first.generation(), Map.of(mine, 3L, theirs, 4L)))
                .isInstanceOf(FencedMemberException.class).hasMessageContaining(theirs.toString());

        assertThat(coordinator().committedOffsets(group(), List.of())).isEmpty();
    }

    @Test
    public void commit_byAMemberThatGaveThePartitionUp_isFenced() {
        String orders = topic("orders", 2);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        first.join();
        second.join();
        settle(first, second);
        TopicPartition givenUp = second.held().iterator().next();

        assertThatThrownBy(() -> first.commit(givenUp, 10L)).isInstanceOf(FencedMemberException.class)
                .hasMessageContaining(givenUp.toString());
        second.commit(givenUp, 3L);
        assertThat(coordinator().committedOffsets(group(), List.of(givenUp))).containsExactly(Map.entry(givenUp, 3L));
    }

    @Test
    public void commit_whileAskedToGiveThePartitionUp_isStillAccepted() {
        String orders = topic("orders", 2);
        ScriptedMember first = member("first", orders);
        first.join();
        member("second", orders).join();
        int generation = first.generation();
        Set<TopicPartition> before = first.held();
        Set<TopicPartition> leaving = minus(before, first.heartbeat().partitions());

        // it finishes the event in hand and commits before it reports giving the partition up
        first.commit(generation, Map.of(leaving.iterator().next(), 8L));

        assertThat(coordinator().committedOffsets(group(), leaving)).containsValue(8L);
    }

    @Test
    public void lateCommit_fromAnEarlierTimeTheMemberHeldThePartition_isFenced() {
        String orders = topic("orders", 2);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        int firstStint = first.join().generation();
        second.join();
        settle(first, second);
        TopicPartition moved = second.held().iterator().next();
        second.leave();
        assertThat(first.heartbeat().partitions()).contains(moved);

        assertThatThrownBy(() -> first.commit(firstStint, Map.of(moved, 5L))).isInstanceOf(FencedMemberException.class)
                .hasMessageContaining(moved.toString());

        first.commit(moved, 6L);
        assertThat(coordinator().committedOffsets(group(), List.of(moved))).containsExactly(Map.entry(moved, 6L));
    }

    @Test
    public void commit_afterLeaving_isRefusedAsUnknownMember() {
        String orders = topic("orders", 1);
        ScriptedMember first = member("first", orders);
        first.join();
        int generation = first.generation();
        first.leave();

        assertThatThrownBy(() -> first.commit(generation, Map.of(TopicPartition.of(orders, 0), 1L)))
                .isInstanceOf(UnknownMemberException.class).hasMessageContaining("first");
        assertThat(coordinator().committedOffsets(group(), List.of())).isEmpty();
    }

    // --- describing and listing -------------------------------------------------------------------------------

    @Test
    public void describe_showsMembersTheirPartitionsCommittedOffsetsAndLag() {
        String orders = topic("orders", 2);
        append(orders, 0, 10);
        append(orders, 1, 4);
        ScriptedMember only = member("only", orders);
        only.join();
        only.commit(TopicPartition.of(orders, 0), 4L);

        GroupDescription description = coordinator().describe(group());

        assertThat(description.group()).isEqualTo(group());
        assertThat(description.state()).isEqualTo(GroupState.STABLE);
        assertThat(description.generation()).isEqualTo(only.generation());
        assertThat(description.members()).singleElement().satisfies(member -> {
            assertThat(member.memberId()).isEqualTo("only");
            assertThat(member.clientId()).isEqualTo("contract-test/only");
            assertThat(member.topics()).containsExactly(orders);
            assertThat(member.owned()).isEqualTo(partitions(orders, 2));
            assertThat(member.target()).isEqualTo(partitions(orders, 2));
        });
        assertThat(description.partitions()).hasSize(2);
        PartitionProgress first = description.partitions().get(0);
        assertThat(first.partition()).isEqualTo(TopicPartition.of(orders, 0));
        assertThat(first.owner()).isEqualTo("only");
        assertThat(first.committed()).isEqualTo(OptionalLong.of(4));
        assertThat(first.endOffset()).isEqualTo(10);
        assertThat(first.lag()).isEqualTo(6);
        PartitionProgress second = description.partitions().get(1);
        assertThat(second.partition()).isEqualTo(TopicPartition.of(orders, 1));
        assertThat(second.committed()).isEmpty();
        assertThat(second.lag()).isEqualTo(4);
    }

    @Test
    public void describe_whilePartitionsMove_showsRebalancingWithOwnedApartFromTarget() {
        String orders = topic("orders", 2);
        ScriptedMember first = member("first", orders);
        ScriptedMember second = member("second", orders);
        first.join();
        second.join();

        GroupDescription moving = coordinator().describe(group());

        assertThat(moving.state()).isEqualTo(GroupState.REBALANCING);
        assertThat(moving.members()).extracting(MemberDescription::memberId).containsExactly("first", "second");
        assertThat(moving.members().get(0).owned()).hasSize(2);
        assertThat(moving.members().get(0).target()).hasSize(1);
        assertThat(moving.members().get(1).owned()).isEmpty();
        assertThat(moving.members().get(1).target()).hasSize(1);
        settle(first, second);
        assertThat(coordinator().describe(group()).state()).isEqualTo(GroupState.STABLE);
    }

    @Test
    public void describe_ofAGroupNobodyKnows_isUnknownGroup() {
        assertThatThrownBy(() -> coordinator().describe(name("nobody"))).isInstanceOf(UnknownGroupException.class)
                .hasMessageContaining(name("nobody"));
    }

    @Test
    public void aGroupWithNeitherMembersNorCommittedOffsets_isForgotten() {
        String orders = topic("orders", 1);
        ScriptedMember only = member("only", orders);
        only.join();

        only.leave();

        assertThatThrownBy(() -> coordinator().describe(group())).isInstanceOf(UnknownGroupException.class);
        assertThat(coordinator().listGroups()).extracting(GroupSummary::group).doesNotContain(group());
    }

    @Test
    public void listGroups_showsEachGroupWithItsStateMembersAndGeneration() {
        String orders = topic("orders", 1);
        ScriptedMember only = member("only", orders);
        only.join();

        assertThat(summary()).isEqualTo(new GroupSummary(group(), GroupState.STABLE, 1, only.generation()));

        only.commit(TopicPartition.of(orders, 0), 1L);
        only.leave();
        assertThat(summary().state()).isEqualTo(GroupState.EMPTY);
        assertThat(summary().members()).isZero();
    }

    // --- resetting offsets ------------------------------------------------------------------------------------

    @Test
    public void resetOffsets_ofAGroupWithMembers_isRefused() {
        String orders = topic("orders", 1);
        member("only", orders).join();

        assertThatThrownBy(() -> coordinator().resetOffsets(group(), orders, OffsetReset.earliest()))
                .isInstanceOf(GroupNotEmptyException.class).hasMessageContaining("1 member");
    }

    @Test
    public void resetOffsets_ofAGroupWithoutMembers_movesEveryPartitionToEarliestLatestOrAnOffset() {
        String orders = topic("orders", 2);
        append(orders, 0, 10);
        append(orders, 1, 3);
        ScriptedMember only = member("only", orders);
        only.join();
        only.commit(TopicPartition.of(orders, 0), 2L);
        only.leave();
        TopicPartition zero = TopicPartition.of(orders, 0);
        TopicPartition one = TopicPartition.of(orders, 1);

        assertThat(coordinator().resetOffsets(group(), orders, OffsetReset.latest())).isEqualTo(Map.of(zero, 10L, one, 3L));
        assertThat(coordinator().committedOffsets(group(), List.of())).isEqualTo(Map.of(zero, 10L, one, 3L));
        assertThat(coordinator().resetOffsets(group(), null, OffsetReset.earliest())).isEqualTo(Map.of(zero, 0L, one, 0L));
        assertThat(coordinator().resetOffsets(group(), orders, OffsetReset.offset(5))).as("clamped to each end")
                .isEqualTo(Map.of(zero, 5L, one, 3L));
        assertThat(coordinator().committedOffsets(group(), List.of())).isEqualTo(Map.of(zero, 5L, one, 3L));
    }

    @Test
    public void resetOffsets_ofAGroupNobodyKnows_createsItWithThoseOffsets() {
        String orders = topic("orders", 1);
        append(orders, 0, 7);

        coordinator().resetOffsets(group(), orders, OffsetReset.latest());

        GroupDescription description = coordinator().describe(group());
        assertThat(description.state()).isEqualTo(GroupState.EMPTY);
        assertThat(description.members()).isEmpty();
        assertThat(description.partitions()).singleElement().satisfies(progress -> {
            assertThat(progress.committed()).isEqualTo(OptionalLong.of(7));
            assertThat(progress.lag()).isZero();
        });
    }

    @Test
    public void resetOffsets_ofEveryTopic_ofAGroupWithoutCommittedOffsets_asksForATopic() {
        assertThatThrownBy(() -> coordinator().resetOffsets(group(), null, OffsetReset.earliest()))
                .isInstanceOf(UnknownGroupException.class).hasMessageContaining("topic");
    }

    @Test
    public void resetOffsets_ofATopicThatDoesNotExist_isTopicNotFound() {
        assertThatThrownBy(() -> coordinator().resetOffsets(group(), name("missing"), OffsetReset.earliest()))
                .isInstanceOf(TopicNotFoundException.class).hasMessageContaining(name("missing"));
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** This test's group. */
    protected final String group() {
        return name("group");
    }

    /** Creates a topic of this test's. */
    protected final String topic(String base, int partitions) {
        String topic = name(base);
        createTopic(topic, partitions);
        return topic;
    }

    /** A member of this test's group. */
    protected final ScriptedMember member(String id, String... topics) {
        return new ScriptedMember(coordinator(), group(), id, List.of(topics));
    }

    /** Heartbeats the members, round after round, until the group is stable; fails after ten rounds. */
    protected final void settle(ScriptedMember... members) {
        for (int round = 0; round < 10; round++) {
            for (ScriptedMember member : members) {
                member.heartbeat();
            }
            if (coordinator().describe(group()).state() == GroupState.STABLE) {
                return;
            }
        }
        fail("group %s did not settle in ten rounds of heartbeats: %s", group(), coordinator().describe(group()));
    }

    private GroupSummary summary() {
        return coordinator().listGroups().stream().filter(summary -> summary.group().equals(group())).findFirst()
                .orElseThrow(() -> new AssertionError("group " + group() + " is not listed"));
    }

    protected static Set<TopicPartition> partitions(String topic, int count) {
        return IntStream.range(0, count).mapToObj(partition -> TopicPartition.of(topic, partition))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<TopicPartition> union(Set<TopicPartition> a, Set<TopicPartition> b) {
        Set<TopicPartition> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static Set<TopicPartition> minus(Set<TopicPartition> a, Set<TopicPartition> b) {
        Set<TopicPartition> difference = new HashSet<>(a);
        difference.removeAll(b);
        return difference;
    }
}
