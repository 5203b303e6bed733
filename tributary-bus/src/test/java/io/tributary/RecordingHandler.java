package io.tributary;

import io.tributary.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** A handler that keeps what it was given and lets a test wait for it, without sleeping. */
final class RecordingHandler implements EventHandler {

    private final List<Event> events = new ArrayList<>();
    private final Predicate<Event> failWhen;

    RecordingHandler() {
        this(event -> false);
    }

    /** Throws for the events {@code failWhen} accepts (after recording them). */
    RecordingHandler(Predicate<Event> failWhen) {
        this.failWhen = failWhen;
    }

    @Override
    public synchronized void handle(Event event) {
        events.add(event);
        notifyAll();
        if (failWhen.test(event)) {
            throw new IllegalStateException("handler refuses " + event.id());
        }
    }

    /** Waits until at least {@code count} events arrived; returns all received so far. */
    synchronized List<Event> await(int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("expected " + count + " events within " + timeout + ", got " + events.size()
                        + ": " + events.stream().map(Event::type).toList());
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return List.copyOf(events);
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }
}
