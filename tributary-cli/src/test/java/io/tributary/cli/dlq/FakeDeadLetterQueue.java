package io.tributary.cli.dlq;

import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.EventPosition;
import io.tributary.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dead-letter queue of one partition in memory. With {@link #failingAgain()}, every replayed event comes back
 * at once as a new dead letter at the end, as it does while the group's handler still fails.
 */
final class FakeDeadLetterQueue implements DeadLetterQueue {

    private final List<DeadLetter> pending = new ArrayList<>();
    private final List<Event> published = new ArrayList<>();
    private boolean failingAgain;
    private long nextOffset;

    /** Adds a dead letter of a new event with origin {@code orders/0@N}. */
    FakeDeadLetterQueue withDeadLetter() {
        long offset = nextOffset;
        add(Event.builder("order.created").key("k" + offset).build(), offset);
        return this;
    }

    FakeDeadLetterQueue failingAgain() {
        failingAgain = true;
        return this;
    }

    /** The events replays published, in order. */
    List<Event> published() {
        return List.copyOf(published);
    }

    @Override
    public String topic() {
        return "orders.billing.dlq";
    }

    @Override
    public List<DeadLetter> list(int limit) {
        return List.copyOf(pending.subList(0, Math.min(limit, pending.size())));
    }

    @Override
    public List<EventPosition> replay(List<DeadLetter> deadLetters, @Nullable String toTopic) {
        List<EventPosition> to = new ArrayList<>();
        for (DeadLetter letter : deadLetters) {
            if (!pending.remove(letter)) {
                throw new IllegalStateException(letter.position() + " is not pending");
            }
            Event replayed = letter.replayEvent();
            published.add(replayed);
            to.add(new EventPosition(toTopic == null ? "orders" : toTopic, 0, 100 + published.size()));
            nextOffset++; // the resolution
            if (failingAgain) {
                add(replayed, to.getLast().offset());
            }
        }
        return to;
    }

    @Override
    public void purge(List<DeadLetter> deadLetters) {
        pending.removeAll(deadLetters);
    }

    private void add(Event event, long originOffset) {
        Instant now = Instant.now();
        pending.add(new DeadLetter(event, new EventPosition(topic(), 0, nextOffset++), new EventPosition("orders", 0,
                originOffset), "billing", 3, "java.lang.IllegalStateException", "still failing", now, now));
    }
}
