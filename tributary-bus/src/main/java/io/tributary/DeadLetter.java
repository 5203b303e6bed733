package io.tributary;

import io.tributary.event.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An event a consumer group gave up on, as its dead-letter topic holds it.
 *
 * <p><b>How it is stored.</b> A dead letter is the original event, unchanged (same id, type, data and
 * attributes, same partition key), with these extension attributes added (they do not count against
 * {@link Event#MAX_EXTENSIONS}): {@value #ORIGIN_TOPIC}, {@value #ORIGIN_PARTITION}, {@value #ORIGIN_OFFSET}
 * (where it was), {@value #GROUP}, {@value #ATTEMPTS}, {@value #ERROR_CLASS}, {@value #ERROR_MESSAGE} (the
 * last attempt's exception, the message cut at {@value #MAX_ERROR_MESSAGE} characters), {@value #FIRST_FAILURE}
 * and {@value #LAST_FAILURE} (RFC 3339). Any subscriber of the dead-letter topic sees them; on
 * {@code tributary://} they travel as {@code ce_dlq*} headers.
 *
 * @param event        the original event, without the dead-letter attributes
 * @param position     where the dead letter sits in its dead-letter topic
 * @param origin       where the event was when the group gave up on it
 * @param group        the group that gave up
 * @param attempts     how often its handler was called
 * @param errorClass   the class of the last attempt's exception
 * @param errorMessage its message (possibly cut), or empty
 * @param firstFailure when the first attempt failed
 * @param lastFailure  when the last attempt failed
 */
public record DeadLetter(Event event, EventPosition position, EventPosition origin, String group, int attempts,
        String errorClass, String errorMessage, Instant firstFailure, Instant lastFailure) {

    public static final String ORIGIN_TOPIC = "dlqtopic";
    public static final String ORIGIN_PARTITION = "dlqpartition";
    public static final String ORIGIN_OFFSET = "dlqoffset";
    public static final String GROUP = "dlqgroup";
    public static final String ATTEMPTS = "dlqattempts";
    public static final String ERROR_CLASS = "dlqerrorclass";
    public static final String ERROR_MESSAGE = "dlqerrormessage";
    public static final String FIRST_FAILURE = "dlqfirstfailure";
    public static final String LAST_FAILURE = "dlqlastfailure";
    /** Set on an event a dead-letter queue replayed: the dead letter's position, {@code topic/partition@offset}. */
    public static final String REPLAY_OF = "dlqreplayof";
    /** Longest error message a dead letter keeps. */
    public static final int MAX_ERROR_MESSAGE = 1024;

    private static final List<String> ATTRIBUTES = List.of(ORIGIN_TOPIC, ORIGIN_PARTITION, ORIGIN_OFFSET, GROUP,
            ATTEMPTS, ERROR_CLASS, ERROR_MESSAGE, FIRST_FAILURE, LAST_FAILURE);

    public DeadLetter {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(errorClass, "errorClass");
        Objects.requireNonNull(errorMessage, "errorMessage");
        Objects.requireNonNull(firstFailure, "firstFailure");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    /**
     * The event a dead-letter topic stores for {@code event}: the event with the dead-letter attributes.
     *
     * @param error the last attempt's exception
     */
    public static Event store(Event event, EventPosition origin, String group, int attempts, Throwable error,
            Instant firstFailure, Instant lastFailure) {
        return event.toBuilder()
                .extension(ORIGIN_TOPIC, origin.topic())
                .extension(ORIGIN_PARTITION, Integer.toString(origin.partition()))
                .extension(ORIGIN_OFFSET, Long.toString(origin.offset()))
                .extension(GROUP, group)
                .extension(ATTEMPTS, Integer.toString(attempts))
                .extension(ERROR_CLASS, error.getClass().getName())
                .extension(ERROR_MESSAGE, cut(error.getMessage()))
                .extension(FIRST_FAILURE, firstFailure.toString())
                .extension(LAST_FAILURE, lastFailure.toString())
                .build();
    }

    /**
     * The dead letter {@code stored} holds, read at {@code position} of a dead-letter topic; empty if it is not
     * one (e.g. the record of a replay or purge, or an event published there by hand).
     */
    public static Optional<DeadLetter> read(Event stored, EventPosition position) {
        Map<String, String> attributes = stored.extensions();
        if (!attributes.keySet().containsAll(ATTRIBUTES)) {
            return Optional.empty();
        }
        try {
            EventPosition origin = new EventPosition(attributes.get(ORIGIN_TOPIC),
                    Integer.parseInt(attributes.get(ORIGIN_PARTITION)), Long.parseLong(attributes.get(ORIGIN_OFFSET)));
            Event.Builder original = stored.toBuilder();
            ATTRIBUTES.forEach(name -> original.extension(name, null));
            return Optional.of(new DeadLetter(original.build(), position, origin, attributes.get(GROUP),
                    Integer.parseInt(attributes.get(ATTEMPTS)), attributes.get(ERROR_CLASS),
                    attributes.get(ERROR_MESSAGE), Instant.parse(attributes.get(FIRST_FAILURE)),
                    Instant.parse(attributes.get(LAST_FAILURE))));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The event to publish when this dead letter is replayed: the original, marked {@value #REPLAY_OF}. */
    public Event replayEvent() {
        return event.toBuilder().extension(REPLAY_OF, position.toString()).build();
    }

    private static String cut(@Nullable String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE - 1) + "…";
    }
}
