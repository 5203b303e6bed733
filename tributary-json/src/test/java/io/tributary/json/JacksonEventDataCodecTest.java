package io.tributary.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.event.Event;
import io.tributary.event.EventDataCodec;
import io.tributary.event.EventDataException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JacksonEventDataCodecTest {

    record Order(long id, String customer, Instant placedAt, List<String> items) {}

    private final Order order = new Order(42, "acme", Instant.parse("2024-05-01T12:30:00.5Z"), List.of("book"));

    @Test
    void serviceLoader_findsTheJacksonCodec() {
        assertThat(EventDataCodec.discovered()).isInstanceOf(JacksonEventDataCodec.class);
    }

    @Test
    void dataObject_isJsonWithoutNamingACodec_andDecodesBack() {
        Event event = Event.builder("order.created").data(order).build();

        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(new String(event.data(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"id\":42,\"customer\":\"acme\",\"placedAt\":\"2024-05-01T12:30:00.500Z\",\"items\":[\"book\"]}");
        assertThat(event.dataAs(Order.class)).isEqualTo(order);
    }

    @Test
    void unknownProperties_areIgnored_soNewFieldsDoNotBreakOldConsumers() {
        byte[] newer = "{\"id\":1,\"customer\":\"c\",\"placedAt\":null,\"items\":[],\"discount\":5}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(new JacksonEventDataCodec().decode(newer, Order.class).id()).isEqualTo(1);
    }

    @Test
    void decodeFailures_nameTheClassAndThePlace() {
        Event event = Event.builder("order.created").id("e-1").data("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                .build();
        Event broken = Event.builder("order.created").id("e-2").data("{\"id\":".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThatThrownBy(() -> event.dataAs(Order.class))
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("event e-1 (order.created): cannot decode JSON event data as " + Order.class.getName())
                .hasMessageContaining("[\"id\"]");
        assertThatThrownBy(() -> broken.dataAs(Order.class))
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("at line 1, column");
    }

    @Test
    void encodeFailures_nameTheClass() {
        Object unserializable = new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        };

        assertThatThrownBy(() -> Event.builder("x").data(unserializable).build())
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("cannot encode a " + unserializable.getClass().getName() + " as JSON event data");
    }
}
