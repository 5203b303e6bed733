package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.Event;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final Instant FIRST = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LAST = Instant.parse("2026-12-01T10:00:01.5Z");

    @Test
    void storedDeadLetter_readsBack_withTheOriginalEventAndWhatWentWrong() {
        Event original = Event.builder("order.created").key("42").version(2).extension("tenant", "acme")
                .data("{\"id\":42}".getBytes()).build();
        EventPosition origin = new EventPosition("orders", 3, 1042);

        Event stored = DeadLetter.store(original, origin, "billing", 3, new IllegalStateException("card declined"),
                FIRST, LAST);
        DeadLetter letter = DeadLetter.read(stored, new EventPosition("orders.billing.dlq", 0, 7)).orElseThrow();

        assertThat(stored.id()).isEqualTo(original.id());
        assertThat(stored.extensions()).containsEntry("dlqtopic", "orders").containsEntry("dlqpartition", "3")
                .containsEntry("dlqoffset", "1042").containsEntry("dlqattempts", "3").containsEntry("tenant", "acme");
        assertThat(letter.event()).isEqualTo(original);
        assertThat(letter.origin()).isEqualTo(origin);
        assertThat(letter.group()).isEqualTo("billing");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.errorClass()).isEqualTo("java.lang.IllegalStateException");
        assertThat(letter.errorMessage()).isEqualTo("card declined");
        assertThat(letter.firstFailure()).isEqualTo(FIRST);
        assertThat(letter.lastFailure()).isEqualTo(LAST);
    }

    @Test
    void anEventThatIsNotADeadLetter_readsAsNone() {
        assertThat(DeadLetter.read(Event.builder("tick").build(), new EventPosition("t", 0, 0))).isEmpty();
        assertThat(DeadLetter.read(Event.builder("tick").extension("dlqtopic", "x").build(), new EventPosition("t", 0, 0)))
                .isEmpty();
    }

    @Test
    void longErrorMessages_areCut_andAMissingOneIsEmpty() {
        Event original = Event.builder("tick").build();
        EventPosition origin = new EventPosition("t", 0, 0);

        DeadLetter cut = DeadLetter.read(DeadLetter.store(original, origin, "g", 1,
                new RuntimeException("x".repeat(5000)), FIRST, LAST), origin).orElseThrow();
        DeadLetter none = DeadLetter.read(DeadLetter.store(original, origin, "g", 1, new RuntimeException(), FIRST, LAST),
                origin).orElseThrow();

        assertThat(cut.errorMessage()).hasSize(DeadLetter.MAX_ERROR_MESSAGE).endsWith("…");
        assertThat(none.errorMessage()).isEmpty();
    }

    @Test
    void replayEvent_isTheOriginalMarkedWithTheDeadLettersPosition() {
        Event original = Event.builder("tick").build();
        EventPosition origin = new EventPosition("t", 0, 5);
        DeadLetter letter = DeadLetter.read(DeadLetter.store(original, origin, "g", 1, new RuntimeException("no"), FIRST,
                LAST), new EventPosition("t.g.dlq", 1, 9)).orElseThrow();

        Event replay = letter.replayEvent();

        assertThat(replay.id()).isEqualTo(original.id());
        assertThat(replay.extensions()).containsExactly(java.util.Map.entry(DeadLetter.REPLAY_OF, "t.g.dlq/1@9"));
    }

    @Test
    void anEventWithAsManyExtensionsAsAllowed_canStillBeDeadLettered() {
        Event.Builder full = Event.builder("tick");
        for (int i = 0; i < Event.MAX_EXTENSIONS; i++) {
            full.extension("x" + i, "v");
        }
        Event stored = DeadLetter.store(full.build(), new EventPosition("t", 0, 0), "g", 3, new RuntimeException("no"),
                FIRST, LAST);

        assertThat(stored.extensions()).hasSize(Event.MAX_EXTENSIONS + 9);
    }
}
