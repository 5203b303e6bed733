package io.tributary.test;

import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.description.Description;
import org.jspecify.annotations.Nullable;

/**
 * The events of a type an {@link EventRecorderAssert#emitted(String)} found, narrowed by each method here:
 * every {@code with…} method waits (as {@code emitted} does) until an emitted event satisfies all criteria
 * so far, and returns the narrower selection.
 *
 * <pre>{@code
 * assertThat(recorder).emitted("order.created").withVersion(2).withKey("42")
 *         .withDataContaining(Map.of("id", 42)).times(1);
 * }</pre>
 */
public final class EmittedEventsAssert extends AbstractAssert<EmittedEventsAssert, EventRecorder> {

    private final EventRecorderAssert parent;
    private final EmissionQuery query;

    EmittedEventsAssert(EventRecorderAssert parent, EmissionQuery query, @Nullable Description description) {
        super(query.recorder(), EmittedEventsAssert.class);
        this.parent = parent;
        this.query = query;
        if (description != null && !description.value().isEmpty()) {
            describedAs(description);
        }
    }

    /** Only events of exactly this {@code version}. */
    public EmittedEventsAssert withVersion(int version) {
        return narrow(EventCriterion.version(version));
    }

    /** Only events with this partition key. */
    public EmittedEventsAssert withKey(String key) {
        return narrow(EventCriterion.key(key));
    }

    /** Only events with this subject. */
    public EmittedEventsAssert withSubject(String subject) {
        return narrow(EventCriterion.subject(subject));
    }

    /** Only events with this correlation id. */
    public EmittedEventsAssert withCorrelationId(String correlationId) {
        return narrow(EventCriterion.correlationId(correlationId));
    }

    /** Only events published to {@code topic}. */
    public EmittedEventsAssert onTopic(String topic) {
        return narrow(EventCriterion.topic(topic));
    }

    /**
     * Only events whose data, decoded as a JSON object, contains {@code entries}: each key present with an
     * equal value, nested maps compared the same way (so {@code Map.of("customer", Map.of("id", 7))} ignores
     * the customer's other fields). Values are compared as JSON: {@code 42} and {@code 42L} are equal.
     *
     * @throws IllegalArgumentException if {@code entries} cannot be written as JSON
     */
    public EmittedEventsAssert withDataContaining(Map<String, ?> entries) {
        return narrow(EventCriterion.dataContaining(JsonData.containing(entries)));
    }

    /**
     * Waits until exactly {@code count} such events were emitted and the bus has
     * {@linkplain EventRecorder settled}; fails as soon as there are more.
     */
    public EmittedEventsAssert times(int count) {
        query.awaitExactly(count).ifPresent(message -> failWithMessage("%s", message));
        return this;
    }

    /** Back to the recorder, for the next expectation: {@code .emitted("a").and().emitted("b")}. */
    public EventRecorderAssert and() {
        return parent;
    }

    EmittedEventsAssert expectSome() {
        query.awaitSome().ifPresent(message -> failWithMessage("%s", message));
        return this;
    }

    private EmittedEventsAssert narrow(EventCriterion criterion) {
        return new EmittedEventsAssert(parent, query.with(criterion), info.description()).expectSome();
    }
}
