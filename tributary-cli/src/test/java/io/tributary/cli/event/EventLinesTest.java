package io.tributary.cli.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.Event;
import io.tributary.json.CloudEventsJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLinesTest {

    private static final Instant TIME = Instant.parse("2026-11-30T09:12:44.512803114Z");

    @Test
    void text_showsTimeTypeVersionKeyIdAndTextData_onOneLine() {
        Event event = Event.builder("order.created").id("e-1").time(TIME).version(2).key("customer-7")
                .datacontenttype(Event.APPLICATION_JSON).data("{\"total\":\n 12.5}".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThat(EventLines.text(event))
                .isEqualTo("2026-11-30T09:12:44.512803114Z order.created v2 key=customer-7 id=e-1 {\"total\":\\n 12.5}");
    }

    @Test
    void text_ofAnEventWithoutKeyOrData_writesDashAndNoData() {
        Event event = Event.builder("user.deleted").id("e-2").time(TIME).build();

        assertThat(EventLines.text(event)).isEqualTo("2026-11-30T09:12:44.512803114Z user.deleted v1 key=- id=e-2 (no data)");
    }

    @Test
    void text_ofDataThatIsNotText_givesItsSizeAndMediaType() {
        Event binary = Event.builder("image.stored").id("e-3").time(TIME).datacontenttype("image/png")
                .data(new byte[] {(byte) 0x89, 'P', 'N', 'G'}).build();
        Event control = Event.builder("raw").id("e-4").time(TIME).data(new byte[] {'a', 0, 'b'}).build();

        assertThat(EventLines.text(binary)).endsWith(" id=e-3 (4 bytes, image/png)");
        assertThat(EventLines.text(control)).endsWith(" id=e-4 (3 bytes)");
    }

    @Test
    void json_isTheCloudEventsJsonLine_withoutItsLineBreak_andReadsBackEqual() {
        Event event = Event.builder("order.created").time(TIME).key("k").version(3).datacontenttype(Event.APPLICATION_JSON)
                .data("{\"a\":[1,\n2]}".getBytes(StandardCharsets.UTF_8)).build();

        String line = EventLines.json(event);

        assertThat(line + "\n").isEqualTo(CloudEventsJson.toJsonLine(event));
        assertThat(line).doesNotContain("\n");
        assertThat(CloudEventsJson.fromJson(line)).isEqualTo(event);
    }
}
