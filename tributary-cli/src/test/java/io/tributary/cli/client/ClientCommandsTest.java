package io.tributary.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code topic}, {@code produce}, {@code consume} and {@code bench} against a broker on a free loopback port. */
class ClientCommandsTest {

    @TempDir
    Path data;

    private Broker broker;
    private String url;

    @BeforeEach
    void startBroker() {
        broker = Broker.start(BrokerConfig.defaults(data).withPort(0).withHttpPort(0));
        url = "tributary://127.0.0.1:" + broker.address().getPort();
    }

    @AfterEach
    void stopBroker() {
        broker.close();
    }

    @Test
    void produceThenConsume_roundTripsStdinLinesInOrder() {
        CliRun produced = CliRun.withInput("one\ntwo\nthree\n", "produce", "--url", url, "--topic", "lines");
        assertThat(produced.exitCode()).as(produced.err()).isZero();
        assertThat(produced.errLines()).last().isEqualTo("3 records acked, 0 failed");

        CliRun consumed = CliRun.of("consume", "--url", url, "--topic", "lines", "--from", "beginning");
        assertThat(consumed.exitCode()).as(consumed.err()).isZero();
        assertThat(consumed.outLines()).containsExactly("one", "two", "three");
    }

    @Test
    void keyedLines_keepTheirOrderWithinEachPartition_andJsonShowsKeyAndOffset() throws Exception {
        assertThat(CliRun.of("topic", "create", "--url", url, "keyed", "--partitions", "3").exitCode()).isZero();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            input.append("user-").append(i % 4).append(':').append(i).append('\n');
        }
        CliRun produced = CliRun.withInput(input.toString(), "produce", "--url", url, "--topic", "keyed",
                "--key-separator", ":");
        assertThat(produced.errLines()).last().isEqualTo("30 records acked, 0 failed");

        CliRun consumed = CliRun.of("consume", "--url", url, "--topic", "keyed", "--output", "json");
        ObjectMapper json = new ObjectMapper();
        java.util.Map<String, Integer> lastValueOfKey = new java.util.HashMap<>();
        java.util.Map<String, Integer> partitionOfKey = new java.util.HashMap<>();
        for (String line : consumed.outLines()) {
            JsonNode record = json.readTree(line);
            String key = record.get("key").asText();
            int value = Integer.parseInt(record.get("value").asText());
            Integer previous = lastValueOfKey.put(key, value);
            assertThat(previous == null || previous < value).as("order of key %s", key).isTrue();
            Integer partition = partitionOfKey.putIfAbsent(key, record.get("partition").asInt());
            assertThat(partition == null || partition == record.get("partition").asInt()).isTrue();
        }
        assertThat(consumed.outLines()).hasSize(30);
    }

    @Test
    void consume_fromEndWithCount_waitsForNewRecords() throws Exception {
        CliRun.withInput("old\n", "produce", "--url", url, "--topic", "tail");
        var consumer = java.util.concurrent.CompletableFuture.supplyAsync(() -> CliRun.of("consume", "--url", url,
                "--topic", "tail", "--from", "end", "--follow", "--count", "1"));
        Thread.sleep(300);
        CliRun.withInput("new\n", "produce", "--url", url, "--topic", "tail");

        assertThat(consumer.get(30, java.util.concurrent.TimeUnit.SECONDS).outLines()).containsExactly("new");
    }

    @Test
    void topicCommands_createListDescribeAlterDelete() {
        assertThat(CliRun.of("topic", "create", "--url", url, "audit", "--partitions", "2", "--config",
                "retention-age=1d").out()).contains("created topic audit with 2 partition(s)");
        assertThat(CliRun.of("topic", "list", "--url", url).outLines()).containsExactly("audit");
        assertThat(CliRun.of("topic", "alter", "--url", url, "audit", "--config", "durability=os").exitCode()).isZero();

        String described = CliRun.of("topic", "describe", "--url", url, "audit").out();
        assertThat(described).contains("audit").contains("retention-age").contains("1d").contains("durability")
                .contains("os").contains("committed");

        assertThat(CliRun.of("topic", "delete", "--url", url, "audit").exitCode()).isZero();
        assertThat(CliRun.of("topic", "list", "--url", url).outLines()).isEmpty();
    }

    @Test
    void errors_areOneLineAndNonZero() {
        CliRun missing = CliRun.of("consume", "--url", url, "--topic", "absent");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines()).singleElement().asString().startsWith("tributary: ").contains("absent");

        CliRun badUrl = CliRun.of("topic", "list", "--url", "http://nope");
        assertThat(badUrl.exitCode()).isEqualTo(1);
        assertThat(badUrl.errLines()).singleElement().asString().startsWith("tributary: ").contains("tributary://");

        CliRun exists = CliRun.of("topic", "create", "--url", url, "twice");
        CliRun again = CliRun.of("topic", "create", "--url", url, "twice");
        assertThat(exists.exitCode()).isZero();
        assertThat(again.errLines()).singleElement().asString().contains("already exists");
    }

    @Test
    void benchCommands_printAJsonLastLine() throws Exception {
        ObjectMapper json = new ObjectMapper();
        CliRun produce = CliRun.of("bench", "produce", "--url", url, "--seconds", "1", "--warmup-seconds", "0",
                "--record-size", "100", "--output", "json");
        assertThat(produce.exitCode()).as(produce.err()).isZero();
        assertThat(json.readTree(produce.outLines().getLast()).get("recordsPerSec").asLong()).isPositive();

        CliRun consume = CliRun.of("bench", "consume", "--url", url, "--seconds", "1", "--output", "json");
        assertThat(consume.exitCode()).as(consume.err()).isZero();
        assertThat(json.readTree(consume.outLines().getLast()).get("mbPerSec").asDouble()).isPositive();

        CliRun e2e = CliRun.of("bench", "e2e", "--url", url, "--topic", "e2e", "--rate", "500", "--seconds", "1",
                "--warmup-seconds", "0", "--output", "json");
        assertThat(e2e.exitCode()).as(e2e.err()).isZero();
        JsonNode figures = json.readTree(e2e.outLines().getLast());
        assertThat(figures.get("p99Ms").asDouble()).isPositive();
        assertThat(figures.has("p999Ms")).isTrue();
    }
}
