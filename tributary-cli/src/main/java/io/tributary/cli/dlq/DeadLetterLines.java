package io.tributary.cli.dlq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.tributary.DeadLetter;
import io.tributary.EventPosition;
import io.tributary.cli.JsonLine;
import io.tributary.json.CloudEventsJson;
import java.util.ArrayList;
import java.util.List;

/**
 * How the {@code dlq} commands print a dead letter. Stateless.
 *
 * <ul>
 *   <li>{@link #text}: {@code partition@offset id type origin=topic/partition@offset attempts=N error=Class: message}
 *       (line breaks of the message written {@code \n});
 *   <li>{@link #json}: one object with {@code position} and {@code origin} ({@code topic}, {@code partition},
 *       {@code offset}), {@code id}, {@code type}, {@code key}, {@code group}, {@code attempts}, {@code errorClass},
 *       {@code errorMessage}, {@code firstFailure}, {@code lastFailure} (RFC 3339);
 *   <li>{@link #showText} and {@link #showJson}: the same with the whole event as CloudEvents JSON, data included.
 * </ul>
 */
final class DeadLetterLines {

    private DeadLetterLines() {
    }

    static String text(DeadLetter letter) {
        return at(letter.position()) + " " + letter.event().id() + " " + letter.event().type() + " origin="
                + letter.origin() + " attempts=" + letter.attempts() + " error=" + error(letter);
    }

    static String json(DeadLetter letter) {
        return JsonLine.of(object(letter));
    }

    /** The lines of {@code dlq show} for one dead letter: one field per line, the event last. */
    static List<String> showText(DeadLetter letter) {
        List<String> lines = new ArrayList<>();
        lines.add("position       " + letter.position());
        lines.add("id             " + letter.event().id());
        lines.add("type           " + letter.event().type() + " v" + letter.event().version());
        lines.add("key            " + (letter.event().key() == null ? "-" : letter.event().key()));
        lines.add("origin         " + letter.origin());
        lines.add("group          " + letter.group());
        lines.add("attempts       " + letter.attempts());
        lines.add("error          " + error(letter));
        lines.add("first-failure  " + letter.firstFailure());
        lines.add("last-failure   " + letter.lastFailure());
        lines.add("event          " + eventJson(letter));
        return lines;
    }

    static String showJson(DeadLetter letter) {
        ObjectNode object = object(letter);
        object.putRawValue("event", new RawValue(eventJson(letter)));
        return JsonLine.of(object);
    }

    /** {@code partition@offset}: a dead letter's place in its dead-letter topic, as {@code --position} takes it. */
    static String at(EventPosition position) {
        return position.partition() + "@" + position.offset();
    }

    static ObjectNode position(EventPosition position) {
        ObjectNode object = JsonLine.object();
        object.put("topic", position.topic());
        object.put("partition", position.partition());
        object.put("offset", position.offset());
        return object;
    }

    private static ObjectNode object(DeadLetter letter) {
        ObjectNode object = JsonLine.object();
        object.set("position", position(letter.position()));
        object.put("id", letter.event().id());
        object.put("type", letter.event().type());
        object.put("key", letter.event().key());
        object.set("origin", position(letter.origin()));
        object.put("group", letter.group());
        object.put("attempts", letter.attempts());
        object.put("errorClass", letter.errorClass());
        object.put("errorMessage", letter.errorMessage());
        object.put("firstFailure", letter.firstFailure().toString());
        object.put("lastFailure", letter.lastFailure().toString());
        return object;
    }

    private static String error(DeadLetter letter) {
        String message = letter.errorMessage().replace("\r", "\\r").replace("\n", "\\n");
        return message.isEmpty() ? letter.errorClass() : letter.errorClass() + ": " + message;
    }

    /** The event on one line ({@link CloudEventsJson#toJsonLine} never breaks it), without the line break. */
    private static String eventJson(DeadLetter letter) {
        return CloudEventsJson.toJsonLine(letter.event()).strip();
    }
}
