package io.tributary.cli.event;

import io.tributary.event.Event;
import io.tributary.json.CloudEventsJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The one-line forms of an event that {@code tail} prints. Stateless.
 *
 * <ul>
 *   <li>{@link #json}: CloudEvents structured mode, one object per line (JSON lines,
 *       {@link CloudEventsJson#toJsonLine}), lossless;
 *   <li>{@link #text}: for people: {@code time type vVERSION key=KEY id=ID DATA}, where an absent key is
 *       {@code -} and DATA is the data as UTF-8 text (line breaks written {@code \n}, {@code \r}) or, when
 *       it is not text, {@code (N bytes[, media type])}; {@code (no data)} when there is none.
 * </ul>
 */
public final class EventLines {

    private EventLines() {
    }

    /** {@code event} as one line of JSON, without the line break. */
    public static String json(Event event) {
        String line = CloudEventsJson.toJsonLine(event);
        return line.substring(0, line.length() - 1);
    }

    /** {@code event} as one readable line, without the line break. */
    public static String text(Event event) {
        return DateTimeFormatter.ISO_INSTANT.format(event.time()) + " " + event.type() + " v" + event.version()
                + " key=" + (event.key() == null ? "-" : event.key()) + " id=" + event.id() + " " + data(event);
    }

    private static String data(Event event) {
        byte[] data = event.data();
        if (data.length == 0) {
            return "(no data)";
        }
        String text = utf8Text(data);
        if (text == null) {
            return "(" + data.length + " bytes" + (event.datacontenttype() == null ? "" : ", " + event.datacontenttype())
                    + ")";
        }
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** The bytes as text when they are UTF-8 without control characters other than tab and line breaks; else null. */
    private static @Nullable String utf8Text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return null;
            }
        }
        return text;
    }
}
