package io.tributary.broker.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How bytes of a record (key, value, header values) travel as JSON strings: as their UTF-8 text,
 * or, for bytes that are not valid UTF-8, as base64 with an {@code *Encoding: "base64"} field beside
 * them. Requests may use base64 the same way to send binary data.
 */
enum TextEncoding {

    /** The string is the bytes' UTF-8 text; the default, never named in responses. */
    UTF8,

    /** The string is the bytes in standard base64 (RFC 4648, with padding). */
    BASE64;

    /** The name clients write in {@code keyEncoding} and {@code valueEncoding}. */
    static final String BASE64_NAME = "base64";

    /**
     * The encoding a request names in {@code field}; {@link #UTF8} when absent.
     *
     * @throws ApiException 400 for another name
     */
    static TextEncoding named(@Nullable String name, String field) {
        if (name == null || name.equalsIgnoreCase("utf-8") || name.equalsIgnoreCase("utf8")) {
            return UTF8;
        }
        if (name.toLowerCase(Locale.ROOT).equals(BASE64_NAME)) {
            return BASE64;
        }
        throw ApiException.badRequest("'" + field + "' must be \"base64\" or absent (UTF-8 text), was \"" + name + "\"");
    }

    /**
     * The bytes {@code text} stands for.
     *
     * @throws ApiException 400 if it is not valid base64
     */
    byte[] decode(String text, String field) {
        if (this == UTF8) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "' is not valid base64: " + e.getMessage());
        }
    }

    /** Bytes as a JSON string and the encoding that string uses. */
    record Text(String text, TextEncoding encoding) {
    }

    /** {@code bytes} as UTF-8 text when they are valid UTF-8, else as base64. */
    static Text encode(byte[] bytes) {
        String text = utf8(bytes);
        return text != null ? new Text(text, UTF8) : new Text(base64(bytes), BASE64);
    }

    /** {@code bytes} as base64. */
    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The name a response gives this encoding, {@code null} (omitted) for the default. */
    @Nullable String responseName() {
        return this == BASE64 ? BASE64_NAME : null;
    }

    /** The strict UTF-8 text of {@code bytes}, or {@code null} if they are not valid UTF-8. */
    private static @Nullable String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
