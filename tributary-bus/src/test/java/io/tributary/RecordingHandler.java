package io.tributary;

import io.tributary.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A handler that keeps what it was given and lets a test wait for it, without sleeping. Handlers made
 * together by {@link #team} share one monitor, so a test can wait for what several received between them.
 */
final class RecordingHandler implements EventHandler {

    private final List<Event> events = new ArrayList<>();
    private final Predicate<Event> failWhen;
    private final Object monitor;

    RecordingHandler() {
        this(event -> false);
    }

    /** Throws for the events {@code failWhen} accepts (after recording them). */
    RecordingHandler(Predicate<Event> failWhen) {
        this(failWhen, null);
    }

    private RecordingHandler(Predicate<Event> failWhen, Object monitor) {
        this.failWhen = failWhen;
        this.monitor = monitor != null ? monitor : this;
    }

    /** {@code size} handlers sharing one monitor, for {@link #awaitTotal}. */
    static RecordingHandler[] team(int size) {
        Object monitor = new Object();
        RecordingHandler[] team = new RecordingHandler[size];
        Arrays.setAll(team, i -> new RecordingHandler(event -> false, monitor));
        return team;
    }

    @Override
    public void handle(Event event) {
        synchronized (monitor) {
            events.add(event);
            monitor.notifyAll();
        }
        if (failWhen.test(event)) {
            throw new IllegalStateException("handler refuses " + event.id());
        }
    }

    /** Waits until at least {@code count} events arrived; returns all received so far. */
    List<Event> await(int count, Duration timeout) throws InterruptedException, TimeoutException {
        synchronized (monitor) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < count) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimeoutException("expected " + count + " events within " + timeout + ", got " + events.size()
                            + ": " + events.stream().map(Event::type).toList());
                }
                monitor.wait(Math.max(1, remaining / 1_000_000));
            }
            return List.copyOf(events);
        }
    }

    /** Waits until the handlers of one {@link #team} received at least {@code count} events between them. */
    static void awaitTotal(int count, Duration timeout, RecordingHandler... team)
            throws InterruptedException, TimeoutException {
        awaitTogether(all -> all.size() >= count, count + " events", timeout, team);
    }

    /** Waits until what the handlers of one {@link #team} received between them satisfies {@code condition}. */
    static void awaitTogether(Predicate<List<Event>> condition, String expected, Duration timeout,
            RecordingHandler... team) throws InterruptedException, TimeoutException {
        Object monitor = team[0].monitor;
        synchronized (monitor) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.test(Arrays.stream(team).flatMap(handler -> handler.events.stream()).toList())) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new TimeoutException("expected " + expected + " between " + team.length + " handlers within "
                            + timeout + ", got " + Arrays.stream(team).map(handler -> handler.events.size()).toList());
                }
                monitor.wait(Math.max(1, remaining / 1_000_000));
            }
        }
    }

    List<Event> events() {
        synchronized (monitor) {
            return List.copyOf(events);
        }
    }
}
