package io.tributary.broker.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.api.TopicPartition;
import io.tributary.api.config.ByteSize;
import io.tributary.broker.partition.Partition;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.broker.topic.InternalTopics;
import io.tributary.broker.topic.Topic;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AckLevel;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Committed offsets as records of {@code __consumer_offsets}: stored, replayed, bounded by snapshots. */
class LogOffsetStoreTest {

    private static final TopicPartition ORDERS_0 = TopicPartition.of("orders", 0);
    private static final TopicPartition ORDERS_1 = TopicPartition.of("orders", 1);

    @TempDir
    Path data;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private LogConfig logDefaults = LogConfig.defaults();
    private TopicRegistry registry;

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void open_createsTheInternalTopic_keptForever_withTheBrokersDurability() {
        logDefaults = LogConfig.defaults().withDurability(Durability.OS);

        open();

        Topic topic = registry.find(InternalTopics.CONSUMER_OFFSETS).orElseThrow();
        assertThat(topic.partitions()).hasSize(1);
        assertThat(topic.config().retentionAge()).isZero();
        assertThat(topic.config().retentionBytes()).isEqualTo(ByteSize.ofBytes(0));
        assertThat(topic.config().segmentBytes()).isEqualTo(ByteSize.ofMebibytes(16));
        assertThat(topic.config().durability()).isEqualTo(Durability.OS);
    }

    @Test
    void store_appendsOneBatchPerCall_andCompletesOnceCommitted() throws Exception {
        LogOffsetStore store = open();
        Partition partition = offsetsPartition();

        store.store("billing", Map.of(ORDERS_0, 10L, ORDERS_1, 20L)).get(10, TimeUnit.SECONDS);

        assertThat(partition.state().committedEndOffset()).as("both records committed when the future completes")
                .isEqualTo(2);
        assertThat(partition.read(0, 1 << 20, Duration.ZERO).join())
                .isInstanceOfSatisfying(io.tributary.log.ReadResult.Records.class,
                        records -> assertThat(records.slice().nextOffset()).isEqualTo(2));
    }

    @Test
    void load_afterAReopen_returnsTheLastOffsetStoredPerPartition() {
        LogOffsetStore store = open();
        store.store("billing", Map.of(ORDERS_0, 10L, ORDERS_1, 20L)).join();
        store.store("billing", Map.of(ORDERS_0, 11L)).join();
        store.store("search", Map.of(ORDERS_0, 3L)).join();
        reopen();

        Map<String, Map<TopicPartition, Long>> loaded = open().load();

        assertThat(loaded).isEqualTo(Map.of("billing", Map.of(ORDERS_0, 11L, ORDERS_1, 20L), "search", Map.of(ORDERS_0, 3L)));
    }

    @Test
    void snapshots_keepTheTopicBounded_andAReopenStillHasEveryLatestOffset() {
        logDefaults = LogConfig.defaults().withSegmentBytes(ByteSize.ofKibibytes(4));
        LogOffsetStore store = open();
        Partition partition = offsetsPartition();
        Map<String, Map<TopicPartition, Long>> latest = new HashMap<>();
        long largest = 0;

        for (int commit = 0; commit < 3_000; commit++) {
            String group = "group-" + (commit % 7);
            TopicPartition topicPartition = TopicPartition.of("topic-" + (commit % 5), commit % 3);
            store.store(group, Map.of(topicPartition, (long) commit)).join();
            latest.computeIfAbsent(group, g -> new HashMap<>()).put(topicPartition, (long) commit);
            largest = Math.max(largest, partition.state().sizeInBytes());
        }

        awaitTrue(() -> partition.state().logStartOffset() > 0, "the log start advanced past deleted segments");
        assertThat(largest).as("largest size of __consumer_offsets during 3000 commits (segments of 4 KiB)")
                .isLessThan(64 * 1024);
        reopen();
        assertThat(open().load()).isEqualTo(latest);
    }

    @Test
    void load_ofARecordThatDoesNotParse_failsNamingItsOffset() {
        LogOffsetStore store = open();
        store.store("billing", Map.of(ORDERS_0, 10L)).join();
        offsetsPartition().append(BatchBuilder.create().add(new Record("billing orders".getBytes(StandardCharsets.UTF_8),
                List.of(new Header("kind", "commit".getBytes(StandardCharsets.US_ASCII))), new byte[8], 0)).build(),
                AckLevel.COMMITTED).join();
        reopen();

        assertThatThrownBy(() -> open().load())
                .isInstanceOf(CorruptOffsetsException.class)
                .hasMessageContaining("__consumer_offsets-0 at offset 1")
                .hasMessageContaining("'billing orders'");
    }

    private LogOffsetStore open() {
        registry = TopicRegistry.open(data, logDefaults, PartitionFactory.local(scheduler));
        return ConsumerGroups.openStore(registry, logDefaults, InstantSource.system(), Runnable::run);
    }

    private void reopen() {
        registry.close();
        registry = null;
    }

    private Partition offsetsPartition() {
        return registry.require(InternalTopics.CONSUMER_OFFSETS).partition(0);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s: " + what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
