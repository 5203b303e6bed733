package io.tributary.test;

import io.tributary.event.Event;
import io.tributary.event.TypePattern;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One thing an expected event must satisfy, with the words for the expectation and for how an event
 * differs from it.
 *
 * @param expectation e.g. {@code with version 2}
 * @param test        whether an emission satisfies it
 * @param difference  how an emission that does not satisfy it differs, e.g. {@code version 1}
 */
record EventCriterion(String expectation, Predicate<Emission> test, Function<Emission, String> difference) {

    static EventCriterion type(String pattern) {
        TypePattern types = TypePattern.parse(pattern);
        return new EventCriterion("of type " + pattern, e -> types.matches(e.event().type()),
                e -> "type " + e.event().type());
    }

    static EventCriterion topic(String topic) {
        Objects.requireNonNull(topic, "topic");
        return new EventCriterion("on topic " + topic, e -> e.topic().equals(topic), e -> "topic " + e.topic());
    }

    static EventCriterion version(int version) {
        return new EventCriterion("with version " + version, e -> e.event().version() == version,
                e -> "version " + e.event().version());
    }

    static EventCriterion key(String key) {
        return attribute("key", key, Event::key);
    }

    static EventCriterion subject(String subject) {
        return attribute("subject", subject, Event::subject);
    }

    static EventCriterion correlationId(String correlationId) {
        return attribute("correlationid", correlationId, Event::correlationid);
    }

    static EventCriterion dataContaining(JsonData data) {
        return new EventCriterion("with data containing " + data.expectedJson(), e -> data.isContainedIn(e.event()),
                e -> data.mismatch(e.event()));
    }

    private static EventCriterion attribute(String name, String expected, Function<Event, @Nullable String> value) {
        Objects.requireNonNull(expected, name);
        return new EventCriterion("with " + name + " " + expected, e -> expected.equals(value.apply(e.event())),
                e -> {
                    String actual = value.apply(e.event());
                    return actual == null ? "no " + name : name + " " + actual;
                });
    }
}
