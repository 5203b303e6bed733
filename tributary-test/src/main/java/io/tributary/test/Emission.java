package io.tributary.test;

import io.tributary.EventPosition;
import io.tributary.event.Event;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * One publish through a recording bus, as it stands: in flight, committed at a position, or failed.
 * Immutable; the recorder replaces it when its publish completes.
 *
 * @param index    its place among the recorder's publishes, from 0, in the order they were called
 * @param topic    the topic it was published to
 * @param event    the event
 * @param position where it was committed, once it was
 * @param failure  why the publish failed, if it did
 */
record Emission(int index, String topic, Event event, @Nullable EventPosition position, @Nullable Throwable failure) {

    private static final int DATA_SNIPPET_CHARS = 120;

    static Emission inFlight(int index, String topic, Event event) {
        return new Emission(index, topic, event, null, null);
    }

    Emission committed(EventPosition at) {
        return new Emission(index, topic, event, at, null);
    }

    Emission failed(Throwable why) {
        return new Emission(index, topic, event, null, why);
    }

    boolean isCommitted() {
        return position != null;
    }

    boolean isInFlight() {
        return position == null && failure == null;
    }

    /** One line for failure messages: where, type, version, the attributes set, a snippet of the data. */
    String describe() {
        Event e = event;
        StringBuilder line = new StringBuilder();
        line.append(position != null ? position.toString() : topic).append("  ").append(e.type()).append(" v")
                .append(e.version());
        if (e.key() != null) {
            line.append("  key=").append(e.key());
        }
        if (e.subject() != null) {
            line.append("  subject=").append(e.subject());
        }
        if (e.correlationid() != null) {
            line.append("  correlationid=").append(e.correlationid());
        }
        line.append("  data=").append(dataSnippet(e));
        if (failure != null) {
            line.append("  (publish failed: ").append(failure).append(')');
        } else if (position == null) {
            line.append("  (publish in flight)");
        }
        return line.toString();
    }

    /** The data as text if it is text (JSON included), cut to a readable length; else its size and type. */
    static String dataSnippet(Event event) {
        byte[] data = event.data();
        if (data.length == 0) {
            return "(none)";
        }
        String type = event.datacontenttype();
        boolean textual = type == null || type.contains("json") || type.startsWith("text/");
        if (textual) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
                return text.length() <= DATA_SNIPPET_CHARS ? text
                        : text.substring(0, DATA_SNIPPET_CHARS) + "… (" + data.length + " bytes)";
            } catch (CharacterCodingException e) {
                // not UTF-8 after all: fall through to the size
            }
        }
        return "<" + data.length + " bytes" + (type == null ? "" : " " + type) + ">";
    }
}
