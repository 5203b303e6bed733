package io.tributary.test;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a bus emitted, entered through {@link TributaryAssertions}. Events are published
 * asynchronously, so each assertion waits, at most its {@linkplain #within timeout}
 * ({@link EventRecorder#TIMEOUT}, 5 s unless set), for its expectation to hold; waiting never sleeps, it
 * is woken by every publish and every handled event. A failure message lists what the bus emitted instead.
 *
 * <ul>
 *   <li>{@link #emitted(String)} passes as soon as a matching event was emitted;
 *   <li>{@link #emittedNothing()} and {@link #didNotEmit(String)} fail as soon as a matching event was
 *       emitted, and pass once the bus has {@linkplain EventRecorder settled} without one: no publish in
 *       flight, every recorded event handled by its subscriptions. They need no quiet period; if the bus
 *       does not settle within the timeout they fail naming what is still pending.
 * </ul>
 */
public final class EventRecorderAssert extends AbstractAssert<EventRecorderAssert, EventRecorder> {

    private EmissionQuery query;

    EventRecorderAssert(EventRecorder recorder, int from, String scope) {
        super(recorder, EventRecorderAssert.class);
        this.query = new EmissionQuery(recorder, from, scope, EventRecorder.defaultTimeout(), List.of());
    }

    /** Waits at most {@code timeout} in the assertions that follow (instead of {@link EventRecorder#TIMEOUT}). */
    public EventRecorderAssert within(Duration timeout) {
        query = query.within(timeout);
        return this;
    }

    /**
     * Waits until an event whose type matches {@code typePattern} was emitted.
     *
     * @param typePattern a type ({@code order.created}) or a pattern ({@code order.*}, {@code order.>}, {@code *};
     *                    see {@link io.tributary.event.TypePattern})
     * @return assertions narrowing these events further
     */
    public EmittedEventsAssert emitted(String typePattern) {
        EmittedEventsAssert emitted = new EmittedEventsAssert(this, query.with(EventCriterion.type(typePattern)),
                info.description());
        return emitted.expectSome();
    }

    /** Checks that the bus settles without having emitted any event. */
    public EventRecorderAssert emittedNothing() {
        query.awaitNone().ifPresent(message -> failWithMessage("%s", message));
        return this;
    }

    /** Checks that the bus settles without having emitted an event whose type matches {@code typePattern}. */
    public EventRecorderAssert didNotEmit(String typePattern) {
        query.with(EventCriterion.type(typePattern)).awaitNone().ifPresent(message -> failWithMessage("%s", message));
        return this;
    }
}
