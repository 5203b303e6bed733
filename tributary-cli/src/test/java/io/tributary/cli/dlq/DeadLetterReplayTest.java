package io.tributary.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.DeadLetter;
import io.tributary.EventPosition;
import io.tributary.event.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code dlq replay --all}: passes of the limit until nothing is pending, and an end while the handler still fails. */
class DeadLetterReplayTest {

    private final List<String> reported = new ArrayList<>();

    private DeadLetterReplay replayOf(FakeDeadLetterQueue queue) {
        return new DeadLetterReplay(queue, null, (letter, to) -> reported.add(letter.position() + " -> " + to));
    }

    @Test
    void replayAll_goesOnInPassesOfTheLimit_untilNothingIsPending() {
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue().withDeadLetter().withDeadLetter().withDeadLetter()
                .withDeadLetter().withDeadLetter();
        DeadLetterReplay replay = replayOf(queue);

        int failedAgain = replay.replayAll(2);

        assertThat(failedAgain).isZero();
        assertThat(replay.replayed()).isEqualTo(5);
        assertThat(queue.list(10)).isEmpty();
        assertThat(reported).hasSize(5).first().asString().startsWith("orders.billing.dlq/0@0 -> orders/0@");
    }

    @Test
    void replayAll_whileTheHandlerStillFails_replaysEachOnce_andCountsTheOnesThatCameBack() {
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue().withDeadLetter().withDeadLetter().withDeadLetter()
                .failingAgain();
        DeadLetterReplay replay = replayOf(queue);

        int failedAgain = replay.replayAll(10);

        assertThat(replay.replayed()).isEqualTo(3);
        assertThat(failedAgain).isEqualTo(3);
        assertThat(queue.published()).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(queue.list(10)).allSatisfy(letter ->
                assertThat(letter.event().extensions()).containsKey(DeadLetter.REPLAY_OF));
    }

    @Test
    void replayAll_stops_whenAWholePassIsThisRunsReplaysFailingAgain() {
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue().withDeadLetter().withDeadLetter().withDeadLetter()
                .failingAgain();
        DeadLetterReplay replay = replayOf(queue);

        assertThatThrownBy(() -> replay.replayAll(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stopped after 3 replayed: the first 1 pending dead letters of orders.billing.dlq are events"
                        + " this run replayed that failed again; fix their handler and run the command again (or raise"
                        + " --limit)");
        assertThat(queue.published()).hasSize(3);
    }

    @Test
    void aReplayThatFails_namesTheDeadLetter_andHowManyWentBefore() {
        FakeDeadLetterQueue queue = new FakeDeadLetterQueue().withDeadLetter().withDeadLetter();
        DeadLetterReplay replay = replayOf(queue);
        List<DeadLetter> letters = queue.list(2);
        replay.replay(letters.get(0));

        assertThatThrownBy(() -> replay.replay(letters.get(0)))
                .hasMessageStartingWith("dead letter 0@0 (event " + letters.get(0).event().id() + ") of orders.billing.dlq"
                        + " was not replayed after 1 were: orders.billing.dlq/0@0 is not pending")
                .hasMessageEndingWith("it stays pending, so the same command can be run again");
        assertThat(reported).containsExactly("orders.billing.dlq/0@0 -> " + new EventPosition("orders", 0, 101));
    }
}
