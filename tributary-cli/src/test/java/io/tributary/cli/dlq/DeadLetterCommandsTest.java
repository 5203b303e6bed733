package io.tributary.cli.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.Bus;
import io.tributary.DeadLetter;
import io.tributary.Retry;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.Tributary;
import io.tributary.cli.Await;
import io.tributary.cli.CliRun;
import io.tributary.cli.GroupBroker;
import io.tributary.client.TributaryClient;
import io.tributary.event.Event;
import io.tributary.json.CloudEventsJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlq list|show|replay|purge} against a broker on a free loopback port, on the dead letters of group
 * {@code billing}, whose handler failed every event of {@code orders} twice.
 */
class DeadLetterCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DLQ = "orders.billing.dlq";

    @TempDir
    Path data;

    private GroupBroker broker;
    private String url;
    private final List<Event> failed = new ArrayList<>();

    @BeforeEach
    void aGroupGivesUpOnThreeEvents() throws Exception {
        broker = GroupBroker.start(data);
        url = broker.url();
        try (Bus bus = Tributary.open(url)) {
            SubscriptionHandle billing = bus.subscribe(Subscription.to("orders").group("billing")
                    .from(StartPosition.earliest()).retry(Retry.attempts(2).backoff(Duration.ofMillis(10)))
                    .onError((event, error) -> { }), event -> {
                        throw new IllegalStateException("no stock for " + event.key() + "\nsecond line");
                    });
            for (String key : List.of("a", "b", "c")) {
                Event event = Event.builder("order.created").key(key).source("/shop").data(("{\"sku\":\"" + key + "\"}")
                        .getBytes(StandardCharsets.UTF_8)).datacontenttype(Event.APPLICATION_JSON).build();
                bus.publish("orders", event).get(30, TimeUnit.SECONDS);
                failed.add(event);
            }
            Await.until(Duration.ofSeconds(30), "three dead letters", () -> bus.deadLetters(DLQ).list(10).size() == 3);
            billing.close();
        }
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void list_text_printsOneLinePerDeadLetter_withItsOriginAttemptsAndError() {
        CliRun run = dlq("list");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Event event = failed.get(i);
            assertThat(run.outLines().get(i)).isEqualTo("0@" + i + " " + event.id() + " order.created origin=orders/0@" + i
                    + " attempts=2 error=java.lang.IllegalStateException: no stock for " + event.key() + "\\nsecond line");
        }
        assertThat(run.errLines()).containsExactly("3 pending dead letter(s) in " + DLQ);
    }

    @Test
    void list_json_givesEveryFieldOfEachDeadLetter_oneObjectPerLine() throws Exception {
        CliRun run = dlq("list", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(3);
        JsonNode first = JSON.readTree(run.outLines().getFirst());
        assertThat(first.path("position").path("topic").asText()).isEqualTo(DLQ);
        assertThat(first.path("position").path("partition").asInt()).isZero();
        assertThat(first.path("position").path("offset").asLong()).isZero();
        assertThat(first.path("id").asText()).isEqualTo(failed.getFirst().id());
        assertThat(first.path("type").asText()).isEqualTo("order.created");
        assertThat(first.path("key").asText()).isEqualTo("a");
        assertThat(first.path("origin").path("topic").asText()).isEqualTo("orders");
        assertThat(first.path("origin").path("partition").asInt()).isZero();
        assertThat(first.path("origin").path("offset").asLong()).isZero();
        assertThat(first.path("group").asText()).isEqualTo("billing");
        assertThat(first.path("attempts").asInt()).isEqualTo(2);
        assertThat(first.path("errorClass").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(first.path("errorMessage").asText()).isEqualTo("no stock for a\nsecond line");
        Instant firstFailure = Instant.parse(first.path("firstFailure").asText());
        assertThat(Instant.parse(first.path("lastFailure").asText())).isAfterOrEqualTo(firstFailure);
    }

    @Test
    void list_withALimit_showsThatMany_andSaysThereAreMore() {
        CliRun run = dlq("list", "--limit", "2");

        assertThat(run.outLines()).hasSize(2);
        assertThat(run.errLines()).singleElement().asString().contains("more than 2", "--limit");
    }

    @Test
    void list_withTheDeadLetterTopicNamed_readsThatTopic() {
        CliRun run = CliRun.of("dlq", "list", "--url", url, "--dead-letter-topic", DLQ);

        assertThat(run.outLines()).hasSize(3);
    }

    @Test
    void list_withoutAQueue_isAUsageError() {
        CliRun run = CliRun.of("dlq", "list", "--url", url, "--topic", "orders");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--topic and --group", "--dead-letter-topic");
    }

    @Test
    void show_byId_printsTheDeadLetterWithItsWholeEvent() throws Exception {
        Event second = failed.get(1);

        CliRun text = dlq("show", "--id", second.id());
        CliRun json = dlq("show", "--id", second.id(), "--output", "json");

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.outLines()).contains("position       " + DLQ + "/0@1", "origin         orders/0@1",
                "attempts       2", "group          billing", "key            b");
        String eventLine = text.outLines().stream().filter(line -> line.startsWith("event ")).findFirst().orElseThrow();
        Event shown = CloudEventsJson.fromJson(eventLine.substring("event".length()).strip());
        assertThat(shown.id()).isEqualTo(second.id());
        assertThat(new String(shown.data(), StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"b\"}");
        assertThat(shown.source()).isEqualTo("/shop");

        JsonNode object = JSON.readTree(json.outLines().getFirst());
        assertThat(object.path("origin").path("offset").asLong()).isEqualTo(1);
        Event fromJson = CloudEventsJson.fromJson(object.path("event").toString());
        assertThat(fromJson.id()).isEqualTo(second.id());
        assertThat(new String(fromJson.data(), StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"b\"}");
    }

    @Test
    void show_byPosition_findsThatDeadLetter() {
        CliRun run = dlq("show", "--position", "0@2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("id             " + failed.get(2).id());
    }

    @Test
    void show_ofAnIdThatIsNotPending_failsWithOneLine() {
        CliRun run = dlq("show", "--id", "no-such-id");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("tributary: no pending dead letter with id no-such-id in " + DLQ + " (3 pending; a replayed or"
                        + " purged one is no longer pending; dlq list shows what is)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void replay_byId_publishesTheEventToItsOriginAgain_andNoLongerListsIt() {
        Event first = failed.getFirst();

        CliRun run = dlq("replay", "--id", first.id());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).containsExactly("0@0 " + first.id() + " -> orders/0@3");
        assertThat(endOffset("orders")).isEqualTo(4);
        assertThat(run.errLines()).containsExactly("replayed 1 dead letter(s) of " + DLQ + " to their origin topic");
        assertThat(dlq("list").outLines()).hasSize(2).noneMatch(line -> line.contains(first.id()));
        Event replayed = tail("orders", 4).getLast();
        assertThat(replayed.id()).isEqualTo(first.id());
        assertThat(replayed.extensions()).containsEntry(DeadLetter.REPLAY_OF, DLQ + "/0@0");
        assertThat(new String(replayed.data(), StandardCharsets.UTF_8)).isEqualTo("{\"sku\":\"a\"}");
    }

    @Test
    void replay_all_toAnotherTopic_goesOnInPassesUntilNoneIsLeft() throws Exception {
        CliRun run = dlq("replay", "--all", "--to-topic", "orders.retry", "--limit", "2", "--output", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).hasSize(3);
        JsonNode last = JSON.readTree(run.outLines().getLast());
        assertThat(last.path("id").asText()).isEqualTo(failed.getLast().id());
        assertThat(last.path("position").path("offset").asLong()).isEqualTo(2);
        assertThat(last.path("replayedTo").path("topic").asText()).isEqualTo("orders.retry");
        assertThat(run.errLines()).containsExactly("replayed 3 dead letter(s) of " + DLQ + " to orders.retry");
        assertThat(dlq("list").outLines()).isEmpty();
        assertThat(tail("orders.retry", 3)).extracting(Event::id).containsExactlyElementsOf(failed.stream().map(Event::id).toList());
    }

    @Test
    void replay_withOneUnknownId_replaysNothing() {
        CliRun run = dlq("replay", "--id", failed.getFirst().id(), "--id", "no-such-id");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains("no pending dead letter with id no-such-id");
        assertThat(run.out()).isEmpty();
        assertThat(dlq("list").outLines()).hasSize(3);
    }

    @Test
    void purge_withoutASelection_isRefused_andRemovesNothing() {
        CliRun run = dlq("purge");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("--id", "--all");
        assertThat(dlq("list").outLines()).hasSize(3);
    }

    @Test
    void purge_byId_removesThatOne_thenAll_theRest() throws Exception {
        CliRun one = dlq("purge", "--id", failed.get(1).id());

        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(one.outLines()).containsExactly("0@1 " + failed.get(1).id() + " purged");
        assertThat(dlq("list").outLines()).hasSize(2).noneMatch(line -> line.contains(failed.get(1).id()));

        CliRun rest = dlq("purge", "--all", "--output", "json");

        assertThat(rest.exitCode()).as(rest.err()).isZero();
        assertThat(rest.outLines()).hasSize(2);
        assertThat(JSON.readTree(rest.outLines().getFirst()).path("purged").asBoolean()).isTrue();
        assertThat(rest.errLines()).containsExactly("purged 2 dead letter(s) of " + DLQ);
        assertThat(dlq("list").outLines()).isEmpty();
        assertThat(endOffset("orders")).as("end of orders: purging publishes nothing").isEqualTo(3);
    }

    private CliRun dlq(String command, String... options) {
        List<String> args = new ArrayList<>(List.of("dlq", command, "--url", url, "--topic", "orders", "--group", "billing"));
        args.addAll(List.of(options));
        return CliRun.of(args.toArray(String[]::new));
    }

    private long endOffset(String topic) {
        try (TributaryClient client = TributaryClient.connect(url)) {
            return client.endOffset(topic, 0);
        }
    }

    /** The first {@code count} events of {@code topic}, through {@code tail}. */
    private List<Event> tail(String topic, int count) {
        CliRun tailed = CliRun.of("tail", "--url", url, "--topic", topic, "--from", "beginning", "--count",
                Integer.toString(count), "--output", "json");
        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        return tailed.outLines().stream().map(CloudEventsJson::fromJson).toList();
    }
}
