package io.tributary.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.event.Event;
import io.tributary.event.InvalidEventException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class CloudEventsJsonTest {

    private static final Instant TIME = Instant.parse("2024-05-01T12:30:00.123456789Z");

    private final Event full = Event.builder("order.created")
            .id("id-1").source("billing").time(TIME).subject("/orders/42")
            .dataschema("https://schemas.example.com/order-created/2").datacontenttype("application/json")
            .key("customer-7").version(2).correlationId("flow-9")
            .traceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").tracestate("vendor=1")
            .extension("tenant", "acme").extension("region", "eu")
            .data("{\"id\": 42}".getBytes(StandardCharsets.UTF_8))
            .build();

    @Test
    void toJson_writesEveryAttributeTopLevel_andInlinesJsonDataVerbatim() {
        assertThat(CloudEventsJson.toJson(full)).isEqualTo("{\"specversion\":\"1.0\",\"id\":\"id-1\","
                + "\"source\":\"billing\",\"type\":\"order.created\",\"time\":\"2024-05-01T12:30:00.123456789Z\","
                + "\"subject\":\"/orders/42\",\"dataschema\":\"https://schemas.example.com/order-created/2\","
                + "\"datacontenttype\":\"application/json\",\"partitionkey\":\"customer-7\",\"version\":2,"
                + "\"correlationid\":\"flow-9\","
                + "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                + "\"tracestate\":\"vendor=1\",\"region\":\"eu\",\"tenant\":\"acme\",\"data\":{\"id\": 42}}");
        assertThat(CloudEventsJson.fromJson(CloudEventsJson.toJson(full))).isEqualTo(full);
    }

    @Test
    void nonJsonData_goesToDataBase64() {
        Event binary = full.toBuilder().datacontenttype("application/octet-stream").data(new byte[] {0, 1, (byte) 255})
                .build();
        Event jsonTypeButNotJson = full.toBuilder().data("{\"id\": 42} ".getBytes(StandardCharsets.UTF_8)).build();

        assertThat(CloudEventsJson.toJson(binary)).contains("\"data_base64\":\"AAH/\"").doesNotContain("\"data\"");
        assertThat(CloudEventsJson.toJson(jsonTypeButNotJson)).contains("\"data_base64\":\"eyJpZCI6IDQyfSA=\"");
        assertThat(CloudEventsJson.fromJson(CloudEventsJson.toJson(binary))).isEqualTo(binary);
        assertThat(CloudEventsJson.fromJson(CloudEventsJson.toJson(jsonTypeButNotJson))).isEqualTo(jsonTypeButNotJson);
    }

    @Test
    void jsonSuffixTypes_areInlined_andEmptyDataIsLeftOut() {
        Event vendor = full.toBuilder().datacontenttype("application/vnd.order+json; charset=utf-8").build();
        Event empty = full.toBuilder().data(new byte[0]).build();

        assertThat(CloudEventsJson.toJson(vendor)).endsWith("\"data\":{\"id\": 42}}");
        assertThat(CloudEventsJson.toJson(empty)).doesNotContain("data\"", "data_base64");
    }

    @Test
    void toJsonLine_isOneLine() {
        Event multiline = full.toBuilder().subject("a\nb").data("{\n\"a\": 1\n}".getBytes(StandardCharsets.UTF_8)).build();

        String line = CloudEventsJson.toJsonLine(multiline);

        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n");
        assertThat(CloudEventsJson.fromJson(line)).isEqualTo(multiline);
    }

    @Test
    void batch_roundTrips_andNamesTheIndexOfAnOffence() {
        Event second = full.toBuilder().id("id-2").build();

        String batch = CloudEventsJson.toJsonBatch(List.of(full, second));

        assertThat(CloudEventsJson.fromJsonBatch(batch)).containsExactly(full, second);
        assertThat(CloudEventsJson.fromJsonBatch("[]")).isEmpty();
        assertInvalid(() -> CloudEventsJson.fromJsonBatch("[" + CloudEventsJson.toJson(full)
                + ",{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":\"a..b\"}]"), "$[1].type")
                .hasMessageContaining("$[1].type: event type 'a..b' is invalid");
        assertInvalid(() -> CloudEventsJson.fromJsonBatch(CloudEventsJson.toJson(full)), "$")
                .hasMessageContaining("a batch must be a JSON array");
    }

    @Test
    void foreignEvents_areReadPerTheJsonFormat() {
        Event text = CloudEventsJson.fromJson("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\","
                + "\"time\":\"2024-05-01T14:30:00+02:00\",\"datacontenttype\":\"text/plain\",\"data\":\"héllo\","
                + "\"flag\":true,\"count\":3,\"subject\":null}");
        Event untyped = CloudEventsJson.fromJson("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\","
                + "\"data\" : [1, 2] , \"version\":\"3\"}");

        assertThat(text.data()).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
        assertThat(text.time()).isEqualTo(Instant.parse("2024-05-01T12:30:00Z"));
        assertThat(text.extensions()).containsEntry("flag", "true").containsEntry("count", "3");
        assertThat(text.subject()).isNull();
        assertThat(text.version()).isEqualTo(1);
        assertThat(new String(untyped.data(), StandardCharsets.UTF_8)).isEqualTo("[1, 2]");
        assertThat(untyped.version()).isEqualTo(3);
    }

    @Test
    void documentsThatAreNotEvents_areRejectedNamingThePath() {
        assertInvalid(() -> CloudEventsJson.fromJson("{\"id\":\"1\",\"type\":\"t\"}"), "$.specversion")
                .hasMessageContaining("not a CloudEvent: $ has no specversion, source");
        assertInvalid(() -> CloudEventsJson.fromJson("{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"}"),
                "$.specversion").hasMessageContaining("specversion '0.3' is not supported");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"time\":\"yesterday\"")), "$.time")
                .hasMessageContaining("$.time 'yesterday' is not an RFC 3339 time");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"version\":0")), "$.version")
                .hasMessageContaining("$.version must be an integer from 1 to 2147483647");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"subject\":{\"a\":1}")), "$.subject")
                .hasMessageContaining("$.subject is a JSON object; event attributes are strings");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"Tenant\":\"x\"")), "$.Tenant")
                .hasMessageContaining("extension name 'Tenant' is invalid");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"data_base64\":\"***\"")), "$.data_base64")
                .hasMessageContaining("data_base64 is not base64");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"data\":1,\"data_base64\":\"AA==\"")), "$.data")
                .hasMessageContaining("both data and data_base64");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"id\":\"2\"")), "$")
                .hasMessageContaining("not valid JSON at line 1").hasMessageContaining("Duplicate field 'id'");
        assertInvalid(() -> CloudEventsJson.fromJson("{\"id\":"), "$").hasMessageContaining("not valid JSON");
        assertInvalid(() -> CloudEventsJson.fromJson(base("\"a\":\"b\"") + "{}"), "$")
                .hasMessageContaining("there is more after the event object");
    }

    private static String base(String more) {
        return "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"t\"," + more + "}";
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalid(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String path) {
        return assertThatThrownBy(call)
                .isInstanceOf(InvalidEventException.class)
                .satisfies(e -> assertThat(((InvalidEventException) e).attribute()).isEqualTo(path));
    }
}
