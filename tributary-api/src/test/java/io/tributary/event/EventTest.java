package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.config.ConfigSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Instant TIME = Instant.parse("2024-05-01T12:30:00.123456789Z");

    @Test
    void builder_fillsDefaults() {
        Instant before = Instant.now();

        Event event = Event.builder("order.created").build();

        assertThat(event.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(event.source()).isNotEmpty();
        assertThat(event.time()).isBetween(before, Instant.now());
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.data()).isEmpty();
        assertThat(event.extensions()).isEmpty();
        assertThat(event.subject()).isNull();
        assertThat(event.datacontenttype()).isNull();
        assertThat(event.partitionkey()).isNull();
    }

    @Test
    void builder_givesEachBuildAFreshId() {
        Event.Builder builder = Event.builder("order.created");

        assertThat(builder.build().id()).isNotEqualTo(builder.build().id());
    }

    @Test
    void defaultSource_isTakenFromTheConfigKeyElseTributary() {
        assertThat(Event.defaultSource(ConfigSource.defaults())).isEqualTo("tributary");
        assertThat(Event.defaultSource(ConfigSource.of(Map.of("tributary.event.source", "billing"))))
                .isEqualTo("billing");
        assertThat(Event.DEFAULT_SOURCE.environmentName()).isEqualTo("TRIBUTARY_EVENT_SOURCE");
    }

    @Test
    void builder_setsEveryAttribute_andToBuilderCopiesThemAll() {
        Event event = fullEvent();

        assertThat(event.id()).isEqualTo("id-1");
        assertThat(event.source()).isEqualTo("billing");
        assertThat(event.type()).isEqualTo("order.created");
        assertThat(event.time()).isEqualTo(TIME);
        assertThat(event.subject()).isEqualTo("/orders/42");
        assertThat(event.dataschema()).isEqualTo("https://schemas.example.com/order-created/2");
        assertThat(event.datacontenttype()).isEqualTo("application/json");
        assertThat(event.partitionkey()).isEqualTo("customer-7").isEqualTo(event.key());
        assertThat(event.version()).isEqualTo(2);
        assertThat(event.correlationid()).isEqualTo("flow-9");
        assertThat(event.traceparent()).isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(event.tracestate()).isEqualTo("vendor=1");
        assertThat(event.extensions()).containsExactly(Map.entry("region", "eu"), Map.entry("tenant", "acme"));
        assertThat(new String(event.data(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":42}");

        assertThat(event.toBuilder().build()).isEqualTo(event).hasSameHashCodeAs(event);
        assertThat(event.toBuilder().version(3).extension("region", null).build())
                .satisfies(changed -> assertThat(changed.version()).isEqualTo(3))
                .satisfies(changed -> assertThat(changed.extensions()).containsOnlyKeys("tenant"));
    }

    @Test
    void extensions_areSortedAndUnmodifiable() {
        Event event = fullEvent();

        assertThat(event.extensions().keySet()).containsExactly("region", "tenant");
        assertThatThrownBy(() -> event.extensions().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equals_comparesDataByContent() {
        Event one = Event.builder("a").id("1").time(TIME).data(new byte[] {1, 2}).build();
        Event same = Event.builder("a").id("1").time(TIME).data(new byte[] {1, 2}).build();
        Event other = Event.builder("a").id("1").time(TIME).data(new byte[] {1, 3}).build();

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
        assertThat(one.toString()).contains("type=a", "id=1", "data=2 bytes").doesNotContain("[1, 2]");
    }

    @Test
    void dataObject_isEncodedByTheCodec_andSetsItsContentType() {
        Event event = Event.builder("greeting").codec(new StubDataCodec()).data((Object) "hello").build();

        assertThat(event.data()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(event.datacontenttype()).isEqualTo("text/plain; charset=utf-8");
        assertThat(event.dataAs(String.class, new StubDataCodec())).isEqualTo("hello");
    }

    @Test
    void dataObject_keepsAnExplicitContentType_inEitherOrder() {
        Event before = Event.builder("g").datacontenttype("text/x-greeting").codec(new StubDataCodec())
                .data((Object) "hi").build();
        Event after = Event.builder("g").data((Object) "hi").codec(new StubDataCodec())
                .datacontenttype("text/x-greeting").build();

        assertThat(before.datacontenttype()).isEqualTo("text/x-greeting");
        assertThat(after.datacontenttype()).isEqualTo("text/x-greeting");
    }

    @Test
    void dataObject_givenBytes_takesThemAsIs() {
        Object bytes = new byte[] {7};

        Event event = Event.builder("g").data(bytes).build();

        assertThat(event.data()).containsExactly(7);
        assertThat(event.datacontenttype()).isNull();
    }

    @Test
    void dataAs_withoutACodecOnTheClasspath_namesTheModuleToAdd() {
        Event event = Event.builder("g").data(new byte[] {1}).build();

        assertThatThrownBy(() -> event.dataAs(String.class))
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("no EventDataCodec is on the classpath")
                .hasMessageContaining("io.tributary:tributary-json")
                .hasMessageContaining("dataAs(type, codec)");
        assertThatThrownBy(() -> Event.builder("g").data((Object) "x").build())
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("tributary-json");
    }

    @Test
    void dataAs_failures_nameTheEvent() {
        Event empty = Event.builder("g").id("e1").build();
        Event full = Event.builder("g").id("e2").data(new byte[] {1}).build();

        assertThatThrownBy(() -> empty.dataAs(String.class, new StubDataCodec()))
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("event e1 (g) has no data");
        assertThatThrownBy(() -> full.dataAs(Integer.class, new StubDataCodec()))
                .isInstanceOf(EventDataException.class)
                .hasMessageContaining("event e2 (g): StubDataCodec decodes String only, not java.lang.Integer");
    }

    static Event fullEvent() {
        return Event.builder("order.created")
                .id("id-1")
                .source("billing")
                .time(TIME)
                .subject("/orders/42")
                .dataschema("https://schemas.example.com/order-created/2")
                .datacontenttype("application/json")
                .key("customer-7")
                .version(2)
                .correlationId("flow-9")
                .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .tracestate("vendor=1")
                .extension("tenant", "acme")
                .extension("region", "eu")
                .data("{\"id\":42}".getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
