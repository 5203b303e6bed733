package io.tributary.broker.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.api.Header;
import io.tributary.api.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A record as a read returns it. Key, value and header values are strings: their UTF-8 text, or
 * base64 when the bytes are not valid UTF-8, flagged by {@code keyEncoding}, {@code valueEncoding} or
 * {@code headersEncoding} = {@code "base64"} (the last covers all header values of the record). A header
 * name that repeats maps to an array of its values, in order.
 *
 * @param offset          the record's offset
 * @param key             the key, or {@code null} for a record without one
 * @param keyEncoding     {@code "base64"} or omitted
 * @param value           the value
 * @param valueEncoding   {@code "base64"} or omitted
 * @param headers         header name to value (or to an array of values)
 * @param headersEncoding {@code "base64"} or omitted
 * @param timestamp       milliseconds since the epoch, as the producer set it
 */
record RecordView(
        long offset,
        @Nullable String key,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String keyEncoding,
        String value,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String valueEncoding,
        Map<String, Object> headers,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String headersEncoding,
        long timestamp) {

    /** The view of {@code record} at {@code offset}. */
    static RecordView of(long offset, Record record) {
        TextEncoding.Text key = record.key() == null ? null : TextEncoding.encode(record.key());
        TextEncoding.Text value = TextEncoding.encode(record.value());
        List<Header> recordHeaders = record.headers();
        // Each header value is decoded once; a single binary value switches all of them to base64.
        List<TextEncoding.Text> texts = new ArrayList<>(recordHeaders.size());
        boolean binaryHeaders = false;
        for (Header header : recordHeaders) {
            TextEncoding.Text text = TextEncoding.encode(header.value());
            binaryHeaders |= text.encoding() == TextEncoding.BASE64;
            texts.add(text);
        }
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < recordHeaders.size(); i++) {
            TextEncoding.Text text = texts.get(i);
            String shown = binaryHeaders && text.encoding() != TextEncoding.BASE64
                    ? TextEncoding.base64(recordHeaders.get(i).value()) : text.text();
            headers.merge(recordHeaders.get(i).name(), shown, RecordView::append);
        }
        return new RecordView(offset, key == null ? null : key.text(), key == null ? null : key.encoding().responseName(),
                value.text(), value.encoding().responseName(), headers,
                binaryHeaders ? TextEncoding.BASE64.responseName() : null, record.timestamp());
    }

    @SuppressWarnings("unchecked")
    private static Object append(Object existing, Object added) {
        List<Object> values = existing instanceof List<?> list ? (List<Object>) list : new ArrayList<>(List.of(existing));
        values.add(added);
        return values;
    }
}
