package io.tributary.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.Event;
import io.tributary.event.EventArbitraries;
import io.tributary.event.EventRecords;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class CloudEventsJsonProperties {

    @Property(tries = 500)
    void everyValidEvent_survivesStructuredJson(@ForAll("events") Event event) {
        assertThat(CloudEventsJson.fromJson(CloudEventsJson.toJsonBytes(event))).isEqualTo(event);
        String line = CloudEventsJson.toJsonLine(event);
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
        assertThat(line).doesNotContain("\r");
        assertThat(CloudEventsJson.fromJson(line)).isEqualTo(event);
    }

    @Property(tries = 100)
    void batches_surviveStructuredJson(@ForAll @Size(max = 5) List<@net.jqwik.api.From("events") Event> events) {
        assertThat(CloudEventsJson.fromJsonBatch(CloudEventsJson.toJsonBatch(events))).isEqualTo(events);
    }

    @Property(tries = 200)
    void binaryAndStructuredModes_agree(@ForAll("events") Event event) {
        Event viaRecord = EventRecords.toEvent(EventRecords.toRecord(event));

        assertThat(CloudEventsJson.toJson(viaRecord)).isEqualTo(CloudEventsJson.toJson(event));
    }

    @Provide
    Arbitrary<Event> events() {
        return EventArbitraries.events();
    }
}
