package io.tributary.broker.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.TopicPartition;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupException;
import io.tributary.group.Heartbeat;
import io.tributary.group.OffsetReset;
import io.tributary.group.StubGroupCoordinator;
import io.tributary.log.LogClosedException;
import io.tributary.protocol.message.CommitOffsetsRequest;
import io.tributary.protocol.message.CommitOffsetsResponse;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.GroupHeartbeatRequest;
import io.tributary.protocol.message.GroupHeartbeatResponse;
import io.tributary.protocol.message.ResetOffsetsRequest;
import io.tributary.protocol.message.ResetOffsetsResponse;
import io.tributary.protocol.message.TopicOffsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The connection's reader thread never waits for durability: a commit is accepted on it, in arrival order, and
 * answered once durable; a reset runs elsewhere; everything else is answered on the caller's thread; failures
 * become the response's own error code and message.
 */
class GroupRequestsTest {

    private static final TopicPartition ORDERS_0 = TopicPartition.of("orders", 0);
    private static final CommitOffsetsRequest COMMIT = new CommitOffsetsRequest("billing", "m-1", 1,
            List.of(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 5)))));

    private final SlowDurabilityCoordinator coordinator = new SlowDurabilityCoordinator();
    private final GroupRequests requests = new GroupRequests(coordinator,
            command -> Thread.ofVirtual().name("test-group-call").start(command));

    @Test
    void commit_isAcceptedInArrivalOrder_andAnsweredWhenDurable_whileAHeartbeatBehindItIsAnsweredAtOnce()
            throws Exception {
        CompletableFuture<CommitOffsetsResponse> commit = requests.commit(COMMIT);
        CompletableFuture<GroupHeartbeatResponse> heartbeat = requests.heartbeat(new GroupHeartbeatRequest("billing",
                "m-1", 1, "test", List.of("orders"), List.of()));

        assertThat(heartbeat).isCompletedWithValueMatching(answer -> answer.errorCode() == ErrorCode.NONE);
        assertThat(commit).as("the commit waits for its offsets to be durable").isNotDone();
        coordinator.durable.countDown();
        assertThat(commit.get(10, TimeUnit.SECONDS)).isEqualTo(CommitOffsetsResponse.OK);
        assertThat(coordinator.committedOn).as("accepted on the reader thread, before the heartbeat behind it")
                .isEqualTo(Thread.currentThread());
        assertThat(coordinator.committed).isEqualTo(new Commit("billing", "m-1", 1, Map.of(ORDERS_0, 5L)));
    }

    @Test
    void reset_runsOffTheCallersThreadToo() throws Exception {
        CompletableFuture<ResetOffsetsResponse> reset = requests.resetOffsets(new ResetOffsetsRequest("billing", "orders",
                ResetOffsetsRequest.OFFSET, 3));

        assertThat(reset).isNotDone();
        coordinator.durable.countDown();
        ResetOffsetsResponse answer = reset.get(10, TimeUnit.SECONDS);
        assertThat(answer.offsets()).containsExactly(new TopicOffsets("orders", List.of(new TopicOffsets.PartitionOffset(0, 3))));
        assertThat(coordinator.resetTo).isEqualTo(OffsetReset.offset(3));
    }

    @Test
    void aFencedCommit_isAnsweredWithFencedMember_andTheCoordinatorsMessage() throws Exception {
        coordinator.durable.countDown();
        coordinator.fence = true;

        CommitOffsetsResponse answer = requests.commit(COMMIT).get(10, TimeUnit.SECONDS);

        assertThat(answer.errorCode()).isEqualTo(ErrorCode.FENCED_MEMBER);
        assertThat(answer.errorMessage()).isEqualTo("m-1 does not hold orders-0 in generation 1");
    }

    @Test
    void aCommitNotDurableWithinTheTimeout_isAnsweredWithTimedOut() throws Exception {
        GroupRequests impatient = new GroupRequests(new FixedCommitCoordinator(new CompletableFuture<>()),
                Runnable::run, Duration.ofMillis(20));

        CommitOffsetsResponse answer = impatient.commit(COMMIT).get(10, TimeUnit.SECONDS);

        assertThat(answer.errorCode()).isEqualTo(ErrorCode.TIMED_OUT);
        assertThat(answer.errorMessage()).contains("timed out");
    }

    @Test
    void aCommitWhoseStoreFailsLater_isAnsweredWithWhatTheStoresFailureMeans() throws Exception {
        CompletableFuture<Void> store = new CompletableFuture<>();
        CompletableFuture<Void> durable = store.thenRun(() -> { }); // fails wrapped, as a dependent stage does
        GroupRequests requests = new GroupRequests(new FixedCommitCoordinator(durable), Runnable::run);

        CompletableFuture<CommitOffsetsResponse> commit = requests.commit(COMMIT);
        store.completeExceptionally(new GroupException("offsets of group billing were not committed: the offset store"
                + " failed: closed", new LogClosedException("closed")));

        assertThat(commit.get(10, TimeUnit.SECONDS).errorCode()).isEqualTo(ErrorCode.NOT_LEADER);
    }

    /** Accepts every commit; its future is the one the test gave. */
    private static final class FixedCommitCoordinator extends StubGroupCoordinator {
        private final CompletableFuture<Void> durable;

        FixedCommitCoordinator(CompletableFuture<Void> durable) {
            this.durable = durable;
        }

        @Override
        public CompletableFuture<Void> commitAsync(Commit commit) {
            return durable;
        }
    }

    /** Answers at once; a commit's future and a reset wait until {@link #durable} opens. */
    private static final class SlowDurabilityCoordinator extends StubGroupCoordinator {
        final CountDownLatch durable = new CountDownLatch(1);
        volatile @Nullable Thread committedOn;
        volatile @Nullable Commit committed;
        volatile @Nullable OffsetReset resetTo;
        volatile boolean fence;

        @Override
        public Assignment heartbeat(Heartbeat heartbeat) {
            return new Assignment(heartbeat.memberId(), 1, Set.of(ORDERS_0), Duration.ofSeconds(1));
        }

        @Override
        public void commit(Commit commit) {
            commitAsync(commit).join();
        }

        @Override
        public CompletableFuture<Void> commitAsync(Commit commit) {
            if (fence) {
                return CompletableFuture.failedFuture(new FencedMemberException(commit.memberId()
                        + " does not hold orders-0 in generation 1"));
            }
            committedOn = Thread.currentThread();
            committed = commit;
            return CompletableFuture.runAsync(this::awaitDurable, task -> Thread.ofVirtual().start(task));
        }

        @Override
        public Map<TopicPartition, Long> resetOffsets(String group, @Nullable String topic, OffsetReset to) {
            awaitDurable();
            resetTo = to;
            return Map.of(ORDERS_0, 3L);
        }

        private void awaitDurable() {
            try {
                if (!durable.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never made the offsets durable");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
