package io.tributary.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.TopicPartition;
import io.tributary.api.TributaryException;
import io.tributary.group.Commit;
import io.tributary.group.FencedMemberException;
import io.tributary.group.GroupException;
import io.tributary.group.StubGroupCoordinator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The committer on its own, against a coordinator whose commits the test answers one by one: what is sent,
 * and that answers only count for the ownership of a partition they were sent for.
 */
class OffsetCommitterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TopicPartition ORDERS_0 = TopicPartition.of("orders", 0);

    /** Commits wait in {@link #sent} until the test answers them with {@link #answer}. */
    private static final class ScriptedCoordinator extends StubGroupCoordinator {
        record Sent(Commit commit, CompletableFuture<@Nullable RuntimeException> answer) {
        }

        final BlockingQueue<Sent> sent = new LinkedBlockingQueue<>();

        @Override
        public void commit(Commit commit) {
            Sent call = new Sent(commit, new CompletableFuture<>());
            sent.add(call);
            RuntimeException failure = call.answer().join();
            if (failure != null) {
                throw failure;
            }
        }

        Sent next() throws InterruptedException {
            Sent call = sent.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(call).as("a commit was sent").isNotNull();
            return call;
        }
    }

    private record Member(String group, String memberId, int generation) implements OffsetCommitter.Member {
        @Override
        public void refused(String refusedMemberId, GroupException refusal) {
        }
    }

    private final ScriptedCoordinator coordinator = new ScriptedCoordinator();
    private OffsetCommitter committer;

    @AfterEach
    void close() {
        if (committer != null) {
            committer.close();
        }
        coordinator.sent.forEach(call -> call.answer().complete(null));
    }

    private OffsetCommitter committer(boolean manual) {
        committer = new OffsetCommitter(coordinator, new Member("billing", "m1", 1), manual);
        return committer;
    }

    @Test
    void aPartitionTakenWithoutACommittedOffset_commitsItsStartPosition_evenWhenCommittingManually() throws Exception {
        committer(true).hold(ORDERS_0, 7, null);

        ScriptedCoordinator.Sent first = coordinator.next();

        assertThat(first.commit().offsets()).isEqualTo(Map.of(ORDERS_0, 7L));
    }

    @Test
    void positionsThatArriveWhileACommitIsInFlight_goTogetherInTheNextOne() throws Exception {
        OffsetCommitter automatic = committer(false);
        long epoch = automatic.hold(ORDERS_0, 0, 0L);
        automatic.handled(ORDERS_0, epoch, 10);
        ScriptedCoordinator.Sent first = coordinator.next();
        automatic.handled(ORDERS_0, epoch, 20);
        automatic.handled(ORDERS_0, epoch, 30);

        first.answer().complete(null);
        ScriptedCoordinator.Sent second = coordinator.next();

        assertThat(first.commit().offsets()).isEqualTo(Map.of(ORDERS_0, 10L));
        assertThat(second.commit().offsets()).isEqualTo(Map.of(ORDERS_0, 30L));
    }

    @Test
    void theAnswerToACommitOfAnEarlierOwnership_doesNotTouchTheNextOne() throws Exception {
        OffsetCommitter automatic = committer(false);
        long first = automatic.hold(ORDERS_0, 0, 0L);
        automatic.handled(ORDERS_0, first, 50);
        ScriptedCoordinator.Sent stale = coordinator.next();
        automatic.forget(List.of(ORDERS_0)); // lost, then taken again from the group's offset (say 80)
        long second = automatic.hold(ORDERS_0, 80, 80L);

        stale.answer().complete(new FencedMemberException("refused: an earlier ownership"));
        automatic.handled(ORDERS_0, first, 60); // a feed that outlived its ownership reports: ignored
        automatic.handled(ORDERS_0, second, 90);
        ScriptedCoordinator.Sent next = coordinator.next();

        assertThat(next.commit().offsets()).as("the new ownership still commits, and only its own position")
                .isEqualTo(Map.of(ORDERS_0, 90L));
        next.answer().complete(null);
        assertThat(automatic.flush(ORDERS_0)).succeedsWithin(WAIT);
    }

    @Test
    void aTransientFailureOfAnEarlierOwnershipsCommit_isNotRetriedIntoTheNextOne() throws Exception {
        OffsetCommitter automatic = committer(false);
        long first = automatic.hold(ORDERS_0, 0, 0L);
        automatic.handled(ORDERS_0, first, 50);
        ScriptedCoordinator.Sent stale = coordinator.next();
        automatic.forget(List.of(ORDERS_0));
        long second = automatic.hold(ORDERS_0, 80, 80L);

        stale.answer().complete(new TributaryException("connection lost"));
        automatic.handled(ORDERS_0, second, 85);
        ScriptedCoordinator.Sent next = coordinator.next();

        assertThat(next.commit().offsets()).isEqualTo(Map.of(ORDERS_0, 85L));
    }

    @Test
    void aManualCommit_waitsAtMostItsTimeout_andFailsOnceTheCommitterClosed() throws Exception {
        OffsetCommitter manual = committer(true);
        long epoch = manual.hold(ORDERS_0, 0, 0L);
        manual.handled(ORDERS_0, epoch, 5);

        assertThatThrownBy(() -> manual.commitHandled(Duration.ofMillis(200))).isInstanceOf(TributaryException.class)
                .hasMessageContaining("not committed within");
        manual.close();
        assertThatThrownBy(() -> manual.commitHandled(WAIT)).isInstanceOf(GroupException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aRefusedPartition_failsItsFlush_andIsNotSentAgain() throws Exception {
        OffsetCommitter automatic = committer(false);
        long epoch = automatic.hold(ORDERS_0, 0, 0L);
        automatic.handled(ORDERS_0, epoch, 5);
        CompletableFuture<Void> flush = automatic.flush(ORDERS_0);

        coordinator.next().answer().complete(new FencedMemberException("refused"));
        automatic.handled(ORDERS_0, epoch, 9);

        assertThat(flush).failsWithin(WAIT);
        assertThat(coordinator.sent.poll(300, TimeUnit.MILLISECONDS)).as("nothing more sent for it").isNull();
    }
}
