package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"order", "order.created", "billing:invoice.paid", "a_b-c.D9", "x:y:z"})
    void validTypes_areAccepted(String type) {
        assertThat(Event.builder(type).build().type()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order..created", ".order", "order.", "order created", "order/created", "ördre",
            "order.*", "a:.b"})
    void invalidTypes_areRejectedWithTheRule(String type) {
        assertInvalid(b -> b.type(type), "type")
                .hasMessageContaining("event type '" + type + "' is invalid")
                .hasMessageContaining("tokens of A-Z, a-z, 0-9, '_' and '-' separated by '.' or ':'")
                .hasMessageContaining("e.g. order.created");
    }

    @Test
    void typesLongerThan255_areRejected() {
        assertThatCode(() -> Event.builder("t".repeat(255)).build()).doesNotThrowAnyException();
        assertInvalid(b -> b.type("t".repeat(256)), "type").hasMessageContaining("at most 255 characters");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void versionsBelowOne_areRejected(int version) {
        assertInvalid(b -> b.version(version), "version")
                .hasMessageContaining("event version " + version + " is out of range: use 1 (the default) or higher");
    }

    @Test
    void versionMaxInt_isAccepted() {
        assertThat(Event.builder("a").version(Integer.MAX_VALUE).build().version()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void ids_mustBeNonEmptyAndAtMost255() {
        assertInvalid(b -> b.id(""), "id").hasMessageContaining("event id '' is invalid: leave it unset to get a UUIDv7");
        assertInvalid(b -> b.id("i".repeat(256)), "id").hasMessageContaining("(256 characters)")
                .hasMessageContaining("1 to 255 characters");
        assertThat(Event.builder("a").id("i".repeat(255)).build().id()).hasSize(255);
    }

    @Test
    void source_mustBeNonEmpty() {
        assertInvalid(b -> b.source(""), "source")
                .hasMessageContaining("event source is empty")
                .hasMessageContaining("tributary.event.source");
    }

    @Test
    void presentOptionalAttributes_areNeverEmpty() {
        assertInvalid(b -> b.subject(""), "subject").hasMessageContaining("event subject is empty: leave it unset");
        assertInvalid(b -> b.key(""), "partitionkey").hasMessageContaining("event partitionkey is empty");
        assertInvalid(b -> b.correlationId(""), "correlationid").hasMessageContaining("event correlationid is empty");
    }

    @Test
    void attributeValues_areLimitedInLength() {
        String max = "s".repeat(Event.MAX_ATTRIBUTE_LENGTH);
        assertThatCode(() -> Event.builder("a").subject(max).extension("x", max).build()).doesNotThrowAnyException();

        assertInvalid(b -> b.subject(max + "s"), "subject")
                .hasMessageContaining("event subject is 2049 characters long, more than the limit of 2048");
        assertInvalid(b -> b.extension("tenant", max + "s"), "tenant").hasMessageContaining("limit of 2048");
        assertInvalid(b -> b.tracestate("t".repeat(513)), "tracestate").hasMessageContaining("limit of 512");
    }

    @Test
    void unpairedSurrogates_areRejected_becauseUtf8CannotCarryThem() {
        assertInvalid(b -> b.subject("a\uD800b"), "subject")
                .hasMessageContaining("unpaired surrogate character at index 1");
        assertThat(Event.builder("a").subject("😀").build().subject()).isEqualTo("😀");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tenant", "ten_ant", "ten-ant", "", "abcdefghijklmnopqrstu", "ténant"})
    void invalidExtensionNames_areRejectedWithTheRule(String name) {
        assertInvalid(b -> b.extension(name, "v"), name)
                .hasMessageContaining("extension name '" + name + "' is invalid: use 1 to 20 characters of a-z and 0-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"id", "type", "time", "partitionkey", "version", "specversion", "data", "traceparent"})
    void reservedExtensionNames_pointToTheBuilderMethod(String name) {
        assertInvalid(b -> b.extension(name, "v"), name)
                .hasMessageContaining("extension name '" + name + "' is reserved")
                .hasMessageContaining("set it with the builder's own method");
    }

    @Test
    void extensionsAreLimitedInNumber() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= Event.MAX_EXTENSIONS; i++) {
            many.put("x" + i, "v");
        }
        Event valid = Event.builder("a").build();

        assertThatThrownBy(() -> new Event(valid.id(), valid.source(), "a", valid.time(), null, null, null, null, 1,
                null, null, null, many, new byte[0]))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("event has 33 extension attributes, more than the limit of 32");
    }

    @Test
    void deadLetterExtensions_haveRoomOfTheirOwn_beyondTheEventsOwnLimit() {
        Event.Builder full = Event.builder("a");
        for (int i = 0; i < Event.MAX_EXTENSIONS; i++) {
            full.extension("x" + i, "v");
        }
        for (int i = 0; i < Event.MAX_DEAD_LETTER_EXTENSIONS; i++) {
            full.extension(Event.DEAD_LETTER_PREFIX + i, "v");
        }
        assertThat(full.build().extensions()).hasSize(Event.MAX_EXTENSIONS + Event.MAX_DEAD_LETTER_EXTENSIONS);

        full.extension(Event.DEAD_LETTER_PREFIX + "more", "v");
        assertThatThrownBy(full::build).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("17 extension attributes named dlq*, more than the limit of 16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", "garbage"})
    void invalidTraceparents_areRejectedWithTheW3cForm(String traceparent) {
        assertInvalid(b -> b.traceparent(traceparent), "traceparent")
                .hasMessageContaining("00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>");
    }

    @Test
    void time_mustBeWritableInRfc3339() {
        assertInvalid(b -> b.time(Instant.parse("-0001-12-31T23:59:59Z")), "time")
                .hasMessageContaining("RFC 3339 writes years 0000 to 9999 only");
        assertInvalid(b -> b.time(Instant.parse("+10000-01-01T00:00:00Z")), "time").hasMessageContaining("out of range");
        assertThatCode(() -> Event.builder("a").time(Event.MIN_TIME).build()).doesNotThrowAnyException();
        assertThatCode(() -> Event.builder("a").time(Event.MAX_TIME).build()).doesNotThrowAnyException();
    }

    @Test
    void dataschema_mustBeAUri_andDatacontenttypeAMediaType() {
        assertInvalid(b -> b.dataschema("not a uri"), "dataschema").hasMessageContaining("is not a URI");
        assertInvalid(b -> b.datacontenttype("json"), "datacontenttype")
                .hasMessageContaining("'json' is not a media type")
                .hasMessageContaining("e.g. application/json");
        assertThatCode(() -> Event.builder("a").datacontenttype("text/plain; charset=utf-8").build())
                .doesNotThrowAnyException();
    }

    @Test
    void missingRequiredAttributes_inTheCanonicalConstructor_areNamed() {
        assertThatThrownBy(() -> new Event(null, "s", "a", Instant.EPOCH, null, null, null, null, 1, null, null, null,
                Map.of(), new byte[0]))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("event id (missing) is invalid");
        assertThatThrownBy(() -> new Event("i", "s", "a", null, null, null, null, null, 1, null, null, null,
                Map.of(), new byte[0]))
                .hasMessageContaining("event time is missing");
        assertThatThrownBy(() -> new Event("i", "s", "a", Instant.EPOCH, null, null, null, null, 1, null, null, null,
                Map.of(), null))
                .hasMessageContaining("event data is null: use an empty array");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(
            UnaryOperator<Event.Builder> change, String attribute) {
        return assertThatThrownBy(() -> change.apply(Event.builder("order.created")).build())
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).attribute()).isEqualTo(attribute));
    }
}
