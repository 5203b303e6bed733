package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Record;
import io.tributary.api.TopicPartition;
import io.tributary.client.BrokerErrorException;
import io.tributary.client.ReadResult;
import io.tributary.client.RunningBroker;
import io.tributary.client.TributaryClient;
import io.tributary.format.BatchBuilder;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.GroupCoordinatorContract;
import io.tributary.group.ScriptedMember;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.ProduceRequest;
import io.tributary.protocol.message.ProduceResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer-group contract through {@code TributaryClient.groups()}: over the binary protocol, against a real
 * broker on a loopback port chosen at run time (so the broker's coordinator, its {@code __consumer_offsets} and the
 * client's mapping of every answer and error are all in the loop). One broker for the class: the contract's names
 * are unique per test.
 */
class RemoteGroupCoordinatorTest extends GroupCoordinatorContract {

    @TempDir
    static Path data;

    private static RunningBroker broker;
    private static TributaryClient client;

    @BeforeAll
    static void startBroker() {
        broker = RunningBroker.start(data);
        client = TributaryClient.connect(broker.url());
    }

    @AfterAll
    static void stopBroker() {
        client.close();
        broker.close();
    }

    @Override
    protected GroupCoordinator coordinator() {
        return client.groups();
    }

    @Override
    protected void createTopic(String topic, int partitions) {
        client.createTopic(topic, partitions, Map.of());
    }

    /** Produces to exactly {@code partition} (the client's own send chooses partitions by key). */
    @Override
    protected void append(String topic, int partition, int records) {
        BatchBuilder batch = BatchBuilder.create();
        for (int i = 0; i < records; i++) {
            batch.add(Record.of(("record " + i).getBytes(StandardCharsets.UTF_8), System.currentTimeMillis()));
        }
        NetworkClient network = (NetworkClient) client;
        ProduceResponse response = (ProduceResponse) network.router().callAny(new ProduceRequest(true, 10_000,
                List.of(new ProduceRequest.TopicData(topic, List.of(new ProduceRequest.PartitionData(partition,
                        batch.build()))))), network.router().newDeadline(), false);
        assertThat(response.topics().getFirst().partitions().getFirst().errorCode()).isEqualTo(ErrorCode.NONE);
    }

    @Test
    void aCommit_isARecordOfConsumerOffsets_thatClientsMayRead_butNotWrite() {
        String orders = topic("orders", 1);
        ScriptedMember member = member("reader", orders);
        member.join();
        member.commit(TopicPartition.of(orders, 0), 42L);

        List<String> keys = new ArrayList<>();
        ReadResult read = client.read("__consumer_offsets", 0, 0, 1000, Duration.ZERO);
        while (!read.records().isEmpty()) {
            read.records().forEach(record -> keys.add(new String(record.key(), StandardCharsets.UTF_8)));
            read = client.read("__consumer_offsets", 0, read.nextOffset(), 1000, Duration.ZERO);
        }

        assertThat(keys).contains(group() + " " + orders + " 0");
        assertThat(client.listTopics()).doesNotContain("__consumer_offsets");
        assertThatThrownBy(() -> client.send("__consumer_offsets", List.of(Record.of(new byte[8], 0)), true))
                .isInstanceOf(BrokerErrorException.class).hasMessageContaining("POLICY_VIOLATION")
                .hasMessageContaining("tributary group reset");
    }
}
