package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.Header;
import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.TopicExistsException;
import io.tributary.api.TopicNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The low-level client and topic administration against a real broker. */
class ClientAgainstBrokerTest {

    @TempDir
    Path data;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
    }

    @Test
    void sendThenRead_returnsTheSameRecordsAtTheOffsetsSendReported() {
        TributaryClient client = connect(broker());
        List<Record> records = List.of(
                new Record("k1".getBytes(StandardCharsets.UTF_8), List.of(new Header("type", bytes("order.created"))),
                        bytes("first"), 1_000L),
                Record.of(bytes("second"), 1_001L),
                Record.of(bytes("third"), 1_002L));
        client.createTopic("orders", 1, Map.of());

        List<Long> offsets = client.send("orders", records, true);
        ReadResult read = client.read("orders", 0, 0, 10, Duration.ZERO);

        assertThat(offsets).containsExactly(0L, 1L, 2L);
        assertThat(read.records()).containsExactlyElementsOf(records);
        assertThat(read.firstOffset()).isZero();
        assertThat(read.nextOffset()).isEqualTo(3);
        assertThat(client.endOffset("orders", 0)).isEqualTo(3);
    }

    @Test
    void read_returnsAtMostMaxRecords_skipsRecordsBelowTheOffset_andSaysWhereToGoOn() {
        TributaryClient client = connect(broker());
        client.send("orders", values("a", "b", "c", "d", "e"), true); // one batch, offsets 0 to 4

        ReadResult middle = client.read("orders", 0, 1, 2, Duration.ZERO);
        ReadResult rest = client.read("orders", 0, middle.nextOffset(), 10, Duration.ZERO);

        assertThat(text(middle)).containsExactly("b", "c");
        assertThat(middle.offsetOf(0)).isEqualTo(1);
        assertThat(middle.nextOffset()).isEqualTo(3);
        assertThat(text(rest)).containsExactly("d", "e");
        assertThat(rest.nextOffset()).isEqualTo(5);
    }

    @Test
    void readWithWait_atTheEnd_wakesWhenAnotherThreadSends() throws Exception {
        TributaryClient client = connect(broker());
        client.createTopic("events", 1, Map.of());

        CompletableFuture<ReadResult> waiting = CompletableFuture.supplyAsync(
                () -> client.read("events", 0, 0, 10, Duration.ofSeconds(20)));
        Thread.sleep(200); // let the read reach the broker and wait there
        assertThat(waiting).isNotDone();
        client.send("events", values("news"), true);

        ReadResult read = waiting.get(10, TimeUnit.SECONDS);
        assertThat(text(read)).containsExactly("news");
    }

    @Test
    void readWithWait_whenNothingArrives_returnsEmptyAtTheSameOffsetAfterTheWait() {
        TributaryClient client = connect(broker());
        client.createTopic("quiet", 1, Map.of());

        long start = System.nanoTime();
        ReadResult read = client.read("quiet", 0, 0, 10, Duration.ofMillis(300));

        assertThat(read.isEmpty()).isTrue();
        assertThat(read.nextOffset()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    @Test
    void connect_withTheBrokersClusterId_succeeds_andWithAnotherFailsWithClusterIdMismatch() {
        RunningBroker broker = broker();

        TributaryClient matching = connect(ConnectionString.SCHEME + broker.clusterId() + "@" + broker.node());
        assertThat(matching.clusterId()).isEqualTo(broker.clusterId());
        assertThatThrownBy(() -> connect(ConnectionString.SCHEME + "some-other-cluster@" + broker.node()))
                .isInstanceOf(ClusterIdMismatchException.class)
                .hasMessageContaining("some-other-cluster")
                .hasMessageContaining(broker.clusterId());
    }

    @Test
    void send_toAnUnknownTopic_withAutoCreateOn_createsItAndAppends() {
        TributaryClient client = connect(broker());

        List<Long> offsets = client.send("created.on.first.send", values("one", "two", "three"), true);

        assertThat(offsets).containsExactly(0L, 1L, 2L);
        assertThat(client.listTopics()).contains("created.on.first.send");
        assertThat(text(client.read("created.on.first.send", 0, 0, 10, Duration.ZERO))).containsExactly("one", "two", "three");
    }

    @Test
    void send_toAnUnknownTopic_withAutoCreateOff_failsWithTopicNotFound() {
        TributaryClient client = connect(RunningBroker.start(data, config -> config.withAutoCreateTopics(false)));
        track(client);

        assertThatThrownBy(() -> client.send("missing", values("x"), true))
                .isInstanceOf(TopicNotFoundException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> client.read("missing", 0, 0, 1, Duration.ZERO))
                .isInstanceOf(TopicNotFoundException.class);
    }

    @Test
    void keyedRecords_landOnTheirKeysPartition_andKeylessOnesShareOnePartitionPerCall() {
        TributaryClient client = connect(broker());
        client.createTopic("sharded", 4, Map.of());
        List<Record> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            records.add(Record.of(bytes("key-" + (i % 5)), bytes("v" + i), i));
        }

        client.send("sharded", records, true);

        for (int partition = 0; partition < 4; partition++) {
            for (Record record : client.read("sharded", partition, 0, 100, Duration.ZERO).records()) {
                assertThat(KeyPartitioner.partition(record.key(), 4)).isEqualTo(partition);
            }
        }
    }

    @Test
    void topicAdministration_createDescribeAlterListDelete() {
        TributaryClient client = connect(broker());

        client.createTopic("billing", 3, Map.of("retention-age", "1d"));
        assertThatThrownBy(() -> client.createTopic("billing", 3, Map.of())).isInstanceOf(TopicExistsException.class);
        TopicDescription described = client.describeTopics("billing").getFirst();
        assertThat(described.partitions()).hasSize(3);
        assertThat(described.settings()).containsEntry("partitions", "3");
        String retentionBefore = described.settings().get("retention-age");
        client.alterTopic("billing", Map.of("retention-age", "2d"));
        assertThat(client.describeTopics("billing").getFirst().settings().get("retention-age"))
                .isNotEqualTo(retentionBefore);
        assertThat(client.metadata("billing").topics()).singleElement()
                .satisfies(topic -> assertThat(topic.partitionCount()).isEqualTo(3));
        assertThat(client.listTopics()).contains("billing");

        client.deleteTopic("billing");

        assertThat(client.listTopics()).doesNotContain("billing");
        assertThatThrownBy(() -> client.describeTopics("billing")).isInstanceOf(TopicNotFoundException.class);
    }

    @Test
    void read_ofAPartitionTheTopicLacks_failsNamingThePartitionCount() {
        TributaryClient client = connect(broker());
        client.createTopic("small", 2, Map.of());

        assertThatThrownBy(() -> client.read("small", 5, 0, 1, Duration.ZERO))
                .isInstanceOfSatisfying(BrokerErrorException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("UNKNOWN_PARTITION"))
                .hasMessageContaining("has 2 partitions");
    }

    private RunningBroker broker() {
        return track(RunningBroker.start(data));
    }

    private TributaryClient connect(RunningBroker broker) {
        return connect(broker.url());
    }

    private TributaryClient connect(String url) {
        return track(TributaryClient.connect(url, ClientOptions.defaults().withCallTimeout(Duration.ofSeconds(10))));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private static List<Record> values(String... values) {
        List<Record> records = new ArrayList<>();
        for (String value : values) {
            records.add(Record.of(bytes(value), 1L));
        }
        return records;
    }

    private static List<String> text(ReadResult read) {
        return read.records().stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
