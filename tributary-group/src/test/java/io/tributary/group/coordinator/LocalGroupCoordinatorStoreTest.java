package io.tributary.group.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.TopicPartition;
import io.tributary.group.Commit;
import io.tributary.group.GroupConfig;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupException;
import io.tributary.group.GroupState;
import io.tributary.group.GroupSummary;
import io.tributary.group.Heartbeat;
import io.tributary.group.OffsetReset;
import io.tributary.group.ScriptedMember;
import io.tributary.group.UnknownMemberException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Committed offsets and the {@link OffsetStore}: restarts, failures, and stores that complete out of order. */
class LocalGroupCoordinatorStoreTest {

    private static final String GROUP = "billing";

    private final ExecutorService committers = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopCommitters() {
        committers.shutdownNow();
    }

    @Test
    void aCoordinatorStartedAgainOverTheSameStore_keepsTheCommittedOffsets_butNotTheMembers() {
        CoordinatorFixture fixture = new CoordinatorFixture();
        String orders = fixture.topic("orders", 2);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        member.commit(TopicPartition.of(orders, 0), 42L);

        LocalGroupCoordinator restarted = fixture.restarted();

        assertThat(restarted.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(TopicPartition.of(orders, 0), 42L));
        GroupDescription description = restarted.describe(GROUP);
        assertThat(description.state()).isEqualTo(GroupState.EMPTY);
        assertThat(description.generation()).isZero();
        Heartbeat fromBefore = new Heartbeat(GROUP, "member", member.generation(), "client", List.of(orders),
                member.held());
        assertThatThrownBy(() -> restarted.heartbeat(fromBefore)).isInstanceOf(UnknownMemberException.class)
                .hasMessageContaining("coordinator restarted");
        ScriptedMember rejoined = new ScriptedMember(restarted, GROUP, "member", List.of(orders));
        rejoined.join();
        fixture.clock.advance(fixture.config.sessionTimeout());
        assertThat(rejoined.heartbeat().partitions()).hasSize(2);
    }

    @Test
    void aCoordinatorStartedAgain_handsOutNoPartition_untilMembersFromBeforeHadASessionTimeoutToStop() {
        CoordinatorFixture fixture = new CoordinatorFixture();
        String orders = fixture.topic("orders", 2);
        ScriptedMember before = fixture.member(GROUP, "before", orders);
        before.join();
        before.commit(TopicPartition.of(orders, 0), 7L);
        LocalGroupCoordinator restarted = fixture.restarted();
        ScriptedMember fresh = new ScriptedMember(restarted, GROUP, "fresh", List.of(orders));

        ScriptedMember newGroup = new ScriptedMember(restarted, "new-group", "m", List.of(orders));
        assertThat(fresh.join().partitions()).as("within a session timeout of the restart").isEmpty();
        assertThat(newGroup.join().partitions()).as("a group created meanwhile waits too: it may have had members"
                + " without offsets").isEmpty();
        fixture.clock.advance(fixture.config.sessionTimeout());

        assertThat(fresh.heartbeat().partitions()).hasSize(2);
        assertThat(newGroup.heartbeat().partitions()).hasSize(2);
    }

    @Test
    void aStoreThatFails_makesTheCommitThrow_andKeepsTheOffsetBefore() {
        FailingOffsetStore store = new FailingOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        member.commit(zero, 1L);
        IOException diskFull = new IOException("no space left on device");
        store.failNext(new UncheckedIOException(diskFull));

        assertThatThrownBy(() -> member.commit(zero, 2L)).isInstanceOf(GroupException.class)
                .hasMessageContaining("not committed").hasMessageContaining("no space left on device")
                .hasRootCause(diskFull);

        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 1L));
        store.throwNext(new IllegalStateException("offsets topic closed"));
        assertThatThrownBy(() -> member.commit(zero, 3L)).isInstanceOf(GroupException.class)
                .hasMessageContaining("not committed").hasMessageContaining("offsets topic closed");
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 1L));
        member.commit(zero, 4L);
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 4L));
    }

    @Test
    void aResetWhoseStoreFails_throws_andLeavesNoGroupBehind() {
        FailingOffsetStore store = new FailingOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        store.failNext(new IllegalStateException("offsets topic closed"));

        assertThatThrownBy(() -> fixture.coordinator.resetOffsets(GROUP, orders, OffsetReset.latest()))
                .isInstanceOf(GroupException.class).hasMessageContaining("not reset");

        assertThat(fixture.coordinator.listGroups()).isEmpty();
    }

    @Test
    void storesCompletingInReverseOrder_leaveTheOffsetOfTheLastAcceptedCommit() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        Future<?> earlier = committers.submit(() -> member.commit(zero, 10L));
        HandCompletedOffsetStore.Pending earlierStore = store.next();
        Future<?> later = committers.submit(() -> member.commit(zero, 20L));
        HandCompletedOffsetStore.Pending laterStore = store.next();
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).as("nothing durable yet").isEmpty();

        laterStore.complete();
        later.get(5, TimeUnit.SECONDS);
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 20L));
        earlierStore.complete();
        earlier.get(5, TimeUnit.SECONDS);

        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 20L));
        assertThat(List.of(earlierStore.offsets(), laterStore.offsets())).as("the store saw them in acceptance order")
                .containsExactly(Map.of(zero, 10L), Map.of(zero, 20L));
    }

    @Test
    void aMemberJoiningWhileAResetIsStored_getsNoPartition_untilTheResetIsDurable() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        fixture.catalog.append(TopicPartition.of(orders, 0), 10, java.time.Instant.EPOCH);
        Future<?> reset = committers.submit(() -> fixture.coordinator.resetOffsets(GROUP, orders, OffsetReset.latest()));
        HandCompletedOffsetStore.Pending resetStore = store.next();
        ScriptedMember member = fixture.member(GROUP, "member", orders);

        assertThat(member.join().partitions()).as("it would read the offsets from before the reset").isEmpty();
        resetStore.complete();
        reset.get(5, TimeUnit.SECONDS);

        assertThat(member.heartbeat().partitions()).containsExactly(TopicPartition.of(orders, 0));
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).containsEntry(TopicPartition.of(orders, 0), 10L);
    }

    @Test
    void forgettingADeletedTopic_dropsEveryGroupsOffsetsOfIt_evenAgainstAnEarlierStoreFinishingLate() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        Future<?> lateCommit = committers.submit(() -> member.commit(zero, 10L));
        HandCompletedOffsetStore.Pending lateStore = store.next();

        Future<?> forgetting = committers.submit(() -> fixture.coordinator.forgetTopic(orders));
        HandCompletedOffsetStore.Pending forgetStore = store.next();
        forgetStore.complete();
        forgetting.get(5, TimeUnit.SECONDS);
        lateStore.complete();
        lateCommit.get(5, TimeUnit.SECONDS);

        assertThat(forgetStore.offsets()).isEqualTo(Map.of(zero, OffsetStore.FORGOTTEN));
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEmpty();
    }

    @Test
    void aLaterStoreThatFails_doesNotHideAnEarlierOneThatSucceeds() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        Future<?> earlier = committers.submit(() -> member.commit(zero, 10L));
        HandCompletedOffsetStore.Pending earlierStore = store.next();
        Future<?> later = committers.submit(() -> member.commit(zero, 20L));
        HandCompletedOffsetStore.Pending laterStore = store.next();

        laterStore.fail(new IllegalStateException("not durable"));
        earlierStore.complete();

        earlier.get(5, TimeUnit.SECONDS);
        assertThatThrownBy(() -> later.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(GroupException.class);
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 10L));
    }

    @Test
    void aGroupWhoseMemberLeftDuringAStore_keepsTheOffsetsOnceTheyAreDurable() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        Future<?> commit = committers.submit(() -> member.commit(zero, 7L));
        HandCompletedOffsetStore.Pending pending = store.next();

        member.leave();
        pending.complete();
        commit.get(5, TimeUnit.SECONDS);

        assertThat(fixture.coordinator.committedOffsets(GROUP, Set.of(zero))).isEqualTo(Map.of(zero, 7L));
        assertThat(fixture.coordinator.describe(GROUP).state()).isEqualTo(GroupState.EMPTY);
    }

    @Test
    void anAsyncCommitWhoseCallerStoppedWaiting_isStillRememberedOnceDurable() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        CompletableFuture<Void> commit = fixture.coordinator.commitAsync(new Commit(GROUP, "member",
                member.generation(), Map.of(zero, 7L)));
        HandCompletedOffsetStore.Pending pending = store.next();

        commit.completeExceptionally(new TimeoutException("the caller's bound")); // what orTimeout does
        pending.complete();

        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 7L));
    }

    @Test
    void aCommitInterruptedWhileStored_throws_andIsRememberedOnceDurable() throws Exception {
        HandCompletedOffsetStore store = new HandCompletedOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        ScriptedMember member = fixture.member(GROUP, "member", orders);
        member.join();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread committer = Thread.ofVirtual().start(() -> {
            try {
                member.commit(zero, 7L);
            } catch (RuntimeException e) {
                thrown.set(e);
            } finally {
                done.countDown();
            }
        });
        HandCompletedOffsetStore.Pending pending = store.next();

        committer.interrupt();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thrown.get()).isInstanceOf(GroupException.class).hasMessageContaining("interrupted")
                .hasMessageContaining("may be committed or not");
        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).as("not durable yet").isEmpty();
        pending.complete();

        assertThat(fixture.coordinator.committedOffsets(GROUP, List.of())).isEqualTo(Map.of(zero, 7L));
    }

    @Test
    void forgettingADeletedTopic_overAStoreThatCompletesAtOnce_forgetsEveryGroupLeftWithoutOffsets() {
        CoordinatorFixture fixture = new CoordinatorFixture();
        String orders = fixture.topic("orders", 1);
        String audit = fixture.topic("audit", 1);
        for (String group : List.of("a", "b", "c")) {
            ScriptedMember member = fixture.member(group, "member", orders, audit);
            member.join();
            member.commit(TopicPartition.of(group.equals("b") ? audit : orders, 0), 1L);
            member.leave();
        }

        fixture.coordinator.forgetTopic(orders);

        assertThat(fixture.coordinator.listGroups()).extracting(GroupSummary::group).containsExactly("b");
    }

    @Test
    void forgettingADeletedTopic_whenTheStoreThrowsForOneGroup_stillForgetsItInTheOthers() {
        FailingOffsetStore store = new FailingOffsetStore();
        CoordinatorFixture fixture = new CoordinatorFixture(GroupConfig.defaults(), store);
        String orders = fixture.topic("orders", 1);
        TopicPartition zero = TopicPartition.of(orders, 0);
        for (String group : List.of("a", "b")) {
            ScriptedMember member = fixture.member(group, "member", orders);
            member.join();
            member.commit(zero, 1L);
        }
        store.throwNext(new IllegalStateException("offsets topic closed"));

        fixture.coordinator.forgetTopic(orders);

        assertThat(fixture.coordinator.committedOffsets("a", List.of())).as("its store failed").isEqualTo(Map.of(zero, 1L));
        assertThat(fixture.coordinator.committedOffsets("b", List.of())).isEmpty();
    }

    @Test
    void inMemoryStore_loadsWhatWasStored_lastValueWins() {
        InMemoryOffsetStore store = new InMemoryOffsetStore();
        TopicPartition zero = TopicPartition.of("orders", 0);
        TopicPartition one = TopicPartition.of("orders", 1);

        assertThat(store.store("a", Map.of(zero, 1L, one, 5L))).isCompleted();
        store.store("a", Map.of(zero, 2L));
        store.store("b", Map.of(zero, 9L));

        assertThat(store.load()).isEqualTo(Map.of("a", Map.of(zero, 2L, one, 5L), "b", Map.of(zero, 9L)));
    }
}
