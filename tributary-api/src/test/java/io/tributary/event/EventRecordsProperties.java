package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Record;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class EventRecordsProperties {

    @Property(tries = 500)
    void everyValidEvent_survivesTheRecordRoundTrip(@ForAll("events") Event event) {
        Record record = EventRecords.toRecord(event);

        assertThat(EventRecords.isEvent(record)).isTrue();
        assertThat(EventRecords.toEvent(record)).isEqualTo(event);
        assertThat(EventRecords.toRecord(EventRecords.toEvent(record))).isEqualTo(record);
        assertThat(EventFilter.of(event.type(), event.version()).matches(record)).isTrue();
    }

    @Property(tries = 200)
    void toBuilder_rebuildsAnEqualEvent(@ForAll("events") Event event) {
        assertThat(event.toBuilder().build()).isEqualTo(event);
    }

    @Provide
    Arbitrary<Event> events() {
        return EventArbitraries.events();
    }
}
