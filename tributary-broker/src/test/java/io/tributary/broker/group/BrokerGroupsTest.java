package io.tributary.broker.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.api.TopicPartition;
import io.tributary.api.config.ByteSize;
import io.tributary.broker.BrokerConfig;
import io.tributary.broker.EmbeddedBroker;
import io.tributary.broker.partition.PartitionState;
import io.tributary.broker.topic.InternalTopics;
import io.tributary.format.BatchBuilder;
import io.tributary.group.Assignment;
import io.tributary.group.Commit;
import io.tributary.group.GroupCoordinator;
import io.tributary.group.Heartbeat;
import io.tributary.group.UnknownMemberException;
import io.tributary.log.AckLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker's coordinator through {@code BrokerService.groups()}, in process: what survives a restart, what stays bounded. */
class BrokerGroupsTest {

    private static final String TOPIC = "orders";

    @TempDir
    Path data;

    @Test
    void committedOffsets_surviveABrokerRestart_membersDoNot() {
        BrokerConfig config = BrokerConfig.defaults(data);
        Map<TopicPartition, Long> committed = Map.of(TopicPartition.of(TOPIC, 0), 12L, TopicPartition.of(TOPIC, 1), 3L);
        try (EmbeddedBroker broker = EmbeddedBroker.open(config)) {
            broker.service().createTopic(TOPIC, 2, Map.of());
            GroupCoordinator groups = broker.service().groups();
            Assignment joined = groups.heartbeat(Heartbeat.join("billing", "m-1", "test", List.of(TOPIC)));
            groups.commit(new Commit("billing", "m-1", joined.generation(), committed));
        }

        try (EmbeddedBroker reopened = EmbeddedBroker.open(config)) {
            GroupCoordinator groups = reopened.service().groups();

            assertThat(groups.committedOffsets("billing", List.of())).isEqualTo(committed);
            assertThatThrownBy(() -> groups.heartbeat(new Heartbeat("billing", "m-1", 1, "test", List.of(TOPIC), Set.of())))
                    .isInstanceOf(UnknownMemberException.class);
        }
    }

    @Test
    void deletingATopic_forgetsTheGroupsCommittedOffsetsOfIt_alsoAfterARestart() {
        BrokerConfig config = BrokerConfig.defaults(data);
        try (EmbeddedBroker broker = EmbeddedBroker.open(config)) {
            broker.service().createTopic(TOPIC, 1, Map.of());
            broker.service().createTopic("payments", 1, Map.of());
            GroupCoordinator groups = broker.service().groups();
            Assignment joined = groups.heartbeat(Heartbeat.join("billing", "m-1", "test", List.of(TOPIC, "payments")));
            groups.commit(new Commit("billing", "m-1", joined.generation(), Map.of(TopicPartition.of(TOPIC, 0), 40L,
                    TopicPartition.of("payments", 0), 7L)));
            groups.leave("billing", "m-1");

            broker.service().deleteTopic(TOPIC);
            broker.service().createTopic(TOPIC, 1, Map.of()); // a new topic under the old name: offsets from 0 again

            assertThat(groups.committedOffsets("billing", List.of())).isEqualTo(Map.of(TopicPartition.of("payments", 0), 7L));
        }
        try (EmbeddedBroker reopened = EmbeddedBroker.open(config)) {
            assertThat(reopened.service().groups().committedOffsets("billing", List.of()))
                    .isEqualTo(Map.of(TopicPartition.of("payments", 0), 7L));
        }
    }

    @Test
    void snapshots_keepConsumerOffsetsBounded_andAReopenHasEveryLatestOffset() {
        BrokerConfig config = BrokerConfig.defaults(data).withLog(BrokerConfig.defaults(data).log()
                .withSegmentBytes(ByteSize.ofKibibytes(4)));
        Map<TopicPartition, Long> latest = new HashMap<>();
        try (EmbeddedBroker broker = EmbeddedBroker.open(config)) {
            broker.service().createTopic(TOPIC, 4, Map.of());
            GroupCoordinator groups = broker.service().groups();
            Assignment joined = groups.heartbeat(Heartbeat.join("billing", "m-1", "test", List.of(TOPIC)));
            long largest = 0;
            for (int commit = 0; commit < 2_000; commit++) {
                TopicPartition partition = TopicPartition.of(TOPIC, commit % 4);
                groups.commit(new Commit("billing", "m-1", joined.generation(), Map.of(partition, (long) commit)));
                latest.put(partition, (long) commit);
                largest = Math.max(largest, offsetsState(broker).sizeInBytes());
            }

            awaitTrue(() -> offsetsState(broker).logStartOffset() > 0, "the log start of __consumer_offsets advanced");
            assertThat(largest).as("largest size of __consumer_offsets over 2000 commits, in 4 KiB segments")
                    .isLessThan(64 * 1024);
        }

        try (EmbeddedBroker reopened = EmbeddedBroker.open(config)) {
            assertThat(offsetsState(reopened).logStartOffset()).isPositive();
            assertThat(reopened.service().groups().committedOffsets("billing", List.of())).isEqualTo(latest);
        }
    }

    @Test
    void aRecordOfConsumerOffsetsThatDoesNotParse_stopsTheOpenWithANamedError() {
        BrokerConfig config = BrokerConfig.defaults(data);
        try (EmbeddedBroker broker = EmbeddedBroker.open(config)) {
            broker.service().partition(InternalTopics.CONSUMER_OFFSETS.value(), 0).append(BatchBuilder.create()
                    .add(new Record("billing orders 0".getBytes(StandardCharsets.UTF_8),
                            List.of(new Header("kind", "commit".getBytes(StandardCharsets.US_ASCII))), new byte[3], 1))
                    .build(), AckLevel.COMMITTED).join();
        }

        for (int attempt = 0; attempt < 2; attempt++) { // the failed open let go of the directory's lock
            assertThatThrownBy(() -> EmbeddedBroker.open(config))
                    .isInstanceOf(CorruptOffsetsException.class)
                    .hasMessageContaining("__consumer_offsets-0 at offset 0")
                    .hasMessageContaining("has 3 bytes, not the 8 of an offset");
        }
    }

    private static PartitionState offsetsState(EmbeddedBroker broker) {
        return broker.service().state(InternalTopics.CONSUMER_OFFSETS.value(), 0);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s: " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
