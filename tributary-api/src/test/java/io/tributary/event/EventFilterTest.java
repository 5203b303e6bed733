package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private final Event createdV1 = Event.builder("order.created").build();
    private final Event createdV2 = Event.builder("order.created").version(2).build();
    private final Event invoice = Event.builder("invoice.paid").version(2).build();

    @Test
    void filterWithoutVersion_passesEveryVersionOfMatchingTypes() {
        EventFilter filter = EventFilter.of("order.*");

        assertThat(filter.matches(createdV1)).isTrue();
        assertThat(filter.matches(createdV2)).isTrue();
        assertThat(filter.matches(invoice)).isFalse();
        assertThat(filter).hasToString("order.*");
    }

    @Test
    void filterWithVersion_passesThatVersionOnly() {
        EventFilter filter = EventFilter.of("order.>", 2);

        assertThat(filter.matches(createdV1)).isFalse();
        assertThat(filter.matches(createdV2)).isTrue();
        assertThat(filter.matches("order.created", 2)).isTrue();
        assertThat(filter).hasToString("order.> v2");
    }

    @Test
    void all_passesEverything() {
        assertThat(EventFilter.all().matches(createdV1)).isTrue();
        assertThat(EventFilter.all().matches(invoice)).isTrue();
    }

    @Test
    void versionBelowOne_isRejected() {
        assertThatThrownBy(() -> EventFilter.of("order.*", 0))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("filter version 0 is out of range");
    }

    @Test
    void matchesRecord_readsTypeAndVersionHeaders() {
        EventFilter filter = EventFilter.of("order.*", 2);

        assertThat(filter.matches(EventRecords.toRecord(createdV2))).isTrue();
        assertThat(filter.matches(EventRecords.toRecord(createdV1))).isFalse();
        assertThat(filter.matches(EventRecords.toRecord(invoice))).isFalse();
        assertThat(EventFilter.all().matches(Record.of(new byte[0], 0))).isFalse();
    }

    @Test
    void matchesRecord_withoutVersionHeader_takesVersionOne_andRejectsAnUnreadableOne() {
        Record record = EventRecords.toRecord(createdV1);
        List<Header> withoutVersion = record.headers().stream().filter(h -> !h.name().equals("ce_version")).toList();
        List<Header> badVersion = record.headers().stream()
                .map(h -> h.name().equals("ce_version") ? new Header("ce_version", "two".getBytes(StandardCharsets.UTF_8)) : h)
                .toList();

        assertThat(EventFilter.of("order.*", 1).matches(new Record(null, withoutVersion, new byte[0], 0))).isTrue();
        assertThat(EventFilter.of("order.*").matches(new Record(null, badVersion, new byte[0], 0))).isFalse();
    }
}
