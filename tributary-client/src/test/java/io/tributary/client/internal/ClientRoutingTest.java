package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.KeyPartitioner;
import io.tributary.api.Record;
import io.tributary.api.TopicNotFoundException;
import io.tributary.client.ClientOptions;
import io.tributary.client.ConnectionString;
import io.tributary.client.NoNodesAvailableException;
import io.tributary.client.NodeAddress;
import io.tributary.client.ReadResult;
import io.tributary.client.TributaryClient;
import io.tributary.format.BatchBuilder;
import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.wire.MemoryRecords;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's routing against scripted nodes: cluster id, failover, leader changes, partitioning. */
class ClientRoutingTest {

    private static final ClientOptions FAST = ClientOptions.defaults().withCallTimeout(Duration.ofSeconds(3))
            .withConnectTimeout(Duration.ofSeconds(1));

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
    }

    @Test
    void connect_toANodeOfAnotherCluster_failsWithClusterIdMismatch() {
        StubNode node = stub(null);
        node.script(request -> StubNode.Reply.answer(node.metadata("staging", 1, "orders", 1)));

        assertThatThrownBy(() -> connect(new ConnectionString(Optional.of("prod"), List.of(node.address()), Optional.empty())))
                .isInstanceOf(ClusterIdMismatchException.class)
                .hasMessageContaining("'staging'")
                .hasMessageContaining("cluster 'prod'");
    }

    @Test
    void connect_whenTheFirstNodeIsDown_failsOverToTheNext() {
        StubNode node = stub(null);
        node.script(request -> StubNode.Reply.answer(node.metadata("prod", 1, "orders", 1)));

        TributaryClient client = connect(ConnectionString.of(deadAddress(), node.address()));

        assertThat(client.clusterId()).isEqualTo("prod");
    }

    @Test
    void connect_whenNoNodeAnswers_listsEveryNodeTriedAndWhy() {
        NodeAddress first = deadAddress();
        NodeAddress second = deadAddress();

        assertThatThrownBy(() -> connect(ConnectionString.of(first, second)))
                .isInstanceOfSatisfying(NoNodesAvailableException.class,
                        e -> assertThat(e.nodesTried()).containsExactly(first, second))
                .hasMessageContaining("cannot connect to " + first)
                .hasMessageContaining("cannot connect to " + second);
    }

    @Test
    void read_answeredNotLeader_refreshesMetadataAndFollowsTheNewLeader() {
        StubNode newLeader = stub(null);
        StubNode oldLeader = stub(null);
        AtomicBoolean moved = new AtomicBoolean();
        MetadataResponse before = twoNodes(oldLeader, newLeader, 1);
        MetadataResponse after = twoNodes(oldLeader, newLeader, 2);
        Function<Request, StubNode.Reply> metadata = request -> StubNode.Reply.answer(moved.get() ? after : before);
        oldLeader.script(request -> switch (request) {
            case MetadataRequest m -> metadata.apply(m);
            case FetchRequest f -> {
                moved.set(true);
                yield StubNode.Reply.answer(fetched(ErrorCode.NOT_LEADER, List.of()));
            }
            default -> throw new IllegalStateException("unexpected " + request);
        });
        newLeader.script(request -> switch (request) {
            case MetadataRequest m -> metadata.apply(m);
            case FetchRequest f -> StubNode.Reply.answer(fetched(ErrorCode.NONE, List.of(batchAt(0, "a", "b", "c"))));
            default -> throw new IllegalStateException("unexpected " + request);
        });
        TributaryClient client = connect(ConnectionString.of(oldLeader.address()));

        ReadResult read = client.read("orders", 0, 1, 10, Duration.ZERO);

        assertThat(read.records()).extracting(r -> new String(r.value(), StandardCharsets.UTF_8)).containsExactly("b", "c");
        assertThat(read.firstOffset()).isEqualTo(1);
        assertThat(read.nextOffset()).isEqualTo(3);
        assertThat(oldLeader.received()).hasAtLeastOneElementOfType(FetchRequest.class);
        assertThat(newLeader.received()).hasAtLeastOneElementOfType(FetchRequest.class);
    }

    @Test
    void send_putsKeyedRecordsOnTheirMurmur2Partition_andKeylessOnesTogether() {
        StubNode node = stub(null);
        AtomicLong nextOffset = new AtomicLong();
        node.script(request -> switch (request) {
            case MetadataRequest m -> StubNode.Reply.answer(node.metadata("prod", 1, "orders", 4));
            case ProduceRequest p -> StubNode.Reply.answer(appendAll(p, nextOffset));
            default -> throw new IllegalStateException("unexpected " + request);
        });
        TributaryClient client = connect(ConnectionString.of(node.address()));
        List<Record> records = List.of(keyed("alice"), keyed("bob"), keyless(), keyed("carol"), keyless());

        List<Long> offsets = client.send("orders", records, true);

        assertThat(offsets).hasSize(5).doesNotHaveDuplicates();
        ProduceRequest sent = (ProduceRequest) node.received().stream().filter(ProduceRequest.class::isInstance)
                .findFirst().orElseThrow();
        int keylessPartitions = 0;
        for (ProduceRequest.PartitionData data : sent.topics().getFirst().partitions()) {
            for (Record record : data.batch().records()) {
                if (record.key() == null) {
                    keylessPartitions++;
                } else {
                    assertThat(data.partition()).isEqualTo(KeyPartitioner.partition(record.key(), 4));
                }
            }
        }
        assertThat(keylessPartitions).as("both key-less records travel in one batch").isEqualTo(2);
    }

    @Test
    void send_toAnUnknownTopic_whenTheBrokerDoesNotCreateTopics_failsWithTopicNotFound() {
        StubNode node = stub(null);
        node.script(request -> switch (request) {
            case MetadataRequest m -> StubNode.Reply.answer(new MetadataResponse("prod",
                    List.of(new MetadataResponse.Node(1, "127.0.0.1", node.address().port())), 1,
                    m.topics().stream().map(t -> new MetadataResponse.TopicMetadata(t, ErrorCode.UNKNOWN_TOPIC, List.of()))
                            .toList()));
            case ProduceRequest p -> StubNode.Reply.answer(new ProduceResponse(List.of(new ProduceResponse.TopicResult(
                    "ghost", List.of(ProduceResponse.PartitionResult.failed(-1, ErrorCode.UNKNOWN_TOPIC,
                            "topic ghost does not exist and tributary.broker.auto-create-topics is off"))))));
            default -> throw new IllegalStateException("unexpected " + request);
        });
        TributaryClient client = connect(ConnectionString.of(node.address()));

        assertThatThrownBy(() -> client.send("ghost", List.of(keyless()), true))
                .isInstanceOf(TopicNotFoundException.class)
                .hasMessageContaining("auto-create-topics is off");
    }

    private TributaryClient connect(ConnectionString connectionString) {
        TributaryClient client = TributaryClient.connect(connectionString, FAST);
        closeables.add(client);
        return client;
    }

    private StubNode stub(Function<Request, StubNode.Reply> script) {
        try {
            StubNode node = StubNode.start(script == null ? request -> new StubNode.Reply.Hangup() : script);
            closeables.add(node);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NodeAddress deadAddress() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new NodeAddress("127.0.0.1", socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MetadataResponse twoNodes(StubNode one, StubNode two, int leaderId) {
        return new MetadataResponse("prod", List.of(new MetadataResponse.Node(1, "127.0.0.1", one.address().port()),
                new MetadataResponse.Node(2, "127.0.0.1", two.address().port())), 1, List.of(
                new MetadataResponse.TopicMetadata("orders", ErrorCode.NONE,
                        List.of(new MetadataResponse.PartitionMetadata(0, leaderId, ErrorCode.NONE)))));
    }

    private static FetchResponse fetched(ErrorCode error, List<RecordBatch> batches) {
        return new FetchResponse(List.of(new FetchResponse.TopicData("orders", List.of(new FetchResponse.PartitionData(
                0, error, 0, 3, 3, batches.isEmpty() ? MemoryRecords.EMPTY : MemoryRecords.of(batches))))));
    }

    private static RecordBatch batchAt(long baseOffset, String... values) {
        BatchBuilder builder = BatchBuilder.create();
        for (String value : values) {
            builder.add(Record.of(value.getBytes(StandardCharsets.UTF_8), 1L));
        }
        RecordBatch batch = builder.build();
        batch.assignBaseOffset(baseOffset);
        return batch;
    }

    private static ProduceResponse appendAll(ProduceRequest request, AtomicLong nextOffset) {
        List<ProduceResponse.TopicResult> topics = new ArrayList<>();
        for (ProduceRequest.TopicData topic : request.topics()) {
            List<ProduceResponse.PartitionResult> results = new ArrayList<>();
            for (ProduceRequest.PartitionData data : topic.partitions()) {
                long base = nextOffset.getAndAdd(data.batch().recordCount());
                results.add(ProduceResponse.PartitionResult.appended(data.partition(), base,
                        base + data.batch().recordCount() - 1, 0));
            }
            topics.add(new ProduceResponse.TopicResult(topic.topic(), results));
        }
        return new ProduceResponse(topics);
    }

    private static Record keyed(String key) {
        return Record.of(key.getBytes(StandardCharsets.UTF_8), ("value of " + key).getBytes(StandardCharsets.UTF_8), 1L);
    }

    private static Record keyless() {
        return Record.of("no key".getBytes(StandardCharsets.UTF_8), 1L);
    }
}
