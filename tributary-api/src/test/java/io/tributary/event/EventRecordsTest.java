package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventRecordsTest {

    @Test
    void toRecord_writesBinaryModeWithKafkaBindingHeaderNames() {
        Event event = EventTest.fullEvent();

        Record record = EventRecords.toRecord(event);

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("customer-7");
        assertThat(record.value()).isSameAs(event.data());
        assertThat(record.timestamp()).isEqualTo(Instant.parse("2024-05-01T12:30:00.123Z").toEpochMilli());
        assertThat(headers(record)).containsExactly(
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_id", "id-1"),
                Map.entry("ce_source", "billing"),
                Map.entry("ce_type", "order.created"),
                Map.entry("ce_time", "2024-05-01T12:30:00.123456789Z"),
                Map.entry("ce_subject", "/orders/42"),
                Map.entry("ce_dataschema", "https://schemas.example.com/order-created/2"),
                Map.entry("content-type", "application/json"),
                Map.entry("ce_version", "2"),
                Map.entry("ce_correlationid", "flow-9"),
                Map.entry("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                Map.entry("ce_tracestate", "vendor=1"),
                Map.entry("ce_region", "eu"),
                Map.entry("ce_tenant", "acme"));
        assertThat(EventRecords.toEvent(record)).isEqualTo(event);
    }

    @Test
    void toRecord_leavesAbsentAttributesOut_andTheKeyNull() {
        Event event = Event.builder("ping").id("p").source("s").time(Instant.EPOCH).build();

        Record record = EventRecords.toRecord(event);

        assertThat(record.key()).isNull();
        assertThat(headers(record)).containsOnlyKeys("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
                "ce_version");
        assertThat(headers(record)).containsEntry("ce_time", "1970-01-01T00:00:00Z");
        assertThat(EventRecords.toEvent(record)).isEqualTo(event);
    }

    @Test
    void aRecordThatIsNotAnEvent_isRejectedNamingWhatIsMissing() {
        Record plain = new Record(null, List.of(header("trace", "x")), "hello".getBytes(StandardCharsets.UTF_8), 1);

        assertThat(EventRecords.isEvent(plain)).isFalse();
        assertThatThrownBy(() -> EventRecords.toEvent(plain))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("record is not an event: it has no ce_specversion, ce_id, ce_source, ce_type headers")
                .hasMessageContaining("write them with EventRecords.toRecord, or read this topic as plain records")
                .satisfies(e -> assertThat(((InvalidEventException) e).attribute()).isEqualTo("ce_specversion"));
    }

    @Test
    void aRecordMissingOneRequiredHeader_isNotAnEvent() {
        Record record = without(EventRecords.toRecord(EventTest.fullEvent()), "ce_source");

        assertThat(EventRecords.isEvent(record)).isFalse();
        assertThatThrownBy(() -> EventRecords.toEvent(record)).hasMessageContaining("it has no ce_source header.");
        assertThat(EventRecords.isEvent(EventRecords.toRecord(EventTest.fullEvent()))).isTrue();
    }

    @Test
    void otherSpecVersions_areRejected() {
        Record record = replace(EventRecords.toRecord(EventTest.fullEvent()), "ce_specversion", "0.3");

        assertThatThrownBy(() -> EventRecords.toEvent(record))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("record has ce_specversion '0.3'; only CloudEvents 1.0 is supported");
    }

    @Test
    void invalidAttributes_nameTheHeader() {
        Record badType = replace(EventRecords.toRecord(EventTest.fullEvent()), "ce_type", "order..created");
        Record badTime = replace(EventRecords.toRecord(EventTest.fullEvent()), "ce_time", "yesterday");
        Record badVersion = replace(EventRecords.toRecord(EventTest.fullEvent()), "ce_version", "0");

        assertThatThrownBy(() -> EventRecords.toEvent(badType))
                .hasMessageContaining("record header ce_type does not hold a valid event attribute: event type"
                        + " 'order..created' is invalid")
                .satisfies(e -> assertThat(((InvalidEventException) e).attribute()).isEqualTo("ce_type"));
        assertThatThrownBy(() -> EventRecords.toEvent(badTime))
                .hasMessageContaining("record header ce_time 'yesterday' is not an RFC 3339 time");
        assertThatThrownBy(() -> EventRecords.toEvent(badVersion))
                .hasMessageContaining("record header ce_version '0' is not a version");
    }

    @Test
    void duplicateAttributeHeaders_areRejected() {
        Record record = EventRecords.toRecord(EventTest.fullEvent());
        List<Header> headers = new ArrayList<>(record.headers());
        headers.add(header("ce_type", "order.deleted"));

        assertThatThrownBy(() -> EventRecords.toEvent(new Record(null, headers, new byte[0], 0)))
                .hasMessageContaining("record has the header ce_type more than once");
    }

    @Test
    void invalidExtensionHeaders_andNonUtf8Keys_areRejected() {
        Record record = EventRecords.toRecord(EventTest.fullEvent());
        List<Header> headers = new ArrayList<>(record.headers());
        headers.add(header("ce_Tenant", "x"));

        assertThatThrownBy(() -> EventRecords.toEvent(new Record(null, headers, new byte[0], 0)))
                .hasMessageContaining("record header ce_Tenant")
                .hasMessageContaining("extension name 'Tenant' is invalid");
        assertThatThrownBy(() -> EventRecords.toEvent(new Record(new byte[] {(byte) 0xff}, record.headers(),
                new byte[0], 0)))
                .hasMessageContaining("record key is not UTF-8 text");
    }

    @Test
    void readingIsLenient_whereCloudEventsIs() {
        Record record = without(without(EventRecords.toRecord(EventTest.fullEvent()), "ce_time"), "ce_version");
        List<Header> headers = new ArrayList<>(record.headers());
        headers.add(header("dlq-origin", "orders/0/17"));

        Event event = EventRecords.toEvent(new Record(record.key(), headers, record.value(), 1_234));

        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1_234));
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.extensions()).doesNotContainKey("dlq-origin");
    }

    static Map<String, String> headers(Record record) {
        return record.headers().stream().collect(Collectors.toMap(Header::name,
                h -> new String(h.value(), StandardCharsets.UTF_8), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static Header header(String name, String value) {
        return new Header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Record without(Record record, String name) {
        return new Record(record.key(), record.headers().stream().filter(h -> !h.name().equals(name)).toList(),
                record.value(), record.timestamp());
    }

    private static Record replace(Record record, String name, String value) {
        return new Record(record.key(), record.headers().stream()
                .map(h -> h.name().equals(name) ? header(name, value) : h).toList(), record.value(), record.timestamp());
    }
}
