package io.tributary.broker.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Record;
import io.tributary.api.TopicName;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.TopicPartition;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.broker.topic.Topic;
import io.tributary.broker.topic.TopicRegistry;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AckLevel;
import io.tributary.log.LogConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the coordinator learns of the broker's topics: partition counts, offsets, the offset of a time. */
class RegistryTopicCatalogTest {

    private static final TopicPartition ORDERS_0 = TopicPartition.of("orders", 0);

    @TempDir
    Path data;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TopicRegistry registry;
    private RegistryTopicCatalog catalog;
    private Topic orders;

    @BeforeEach
    void open() {
        registry = TopicRegistry.open(data, LogConfig.defaults(), PartitionFactory.local(scheduler));
        catalog = new RegistryTopicCatalog(registry);
        orders = registry.create(TopicName.of("orders"), 2, Map.of());
    }

    @AfterEach
    void close() {
        registry.close();
        scheduler.shutdownNow();
    }

    @Test
    void partitions_ofATopic_isItsPartitionCount_andZeroForOneThatDoesNotExist() {
        assertThat(catalog.partitions("orders")).isEqualTo(2);
        assertThat(catalog.partitions("ghost")).isZero();
        assertThat(catalog.partitions("not a topic name")).isZero();
    }

    @Test
    void offsets_areTheLogStartAndTheCommittedEnd() {
        append(100, 200, 300);

        assertThat(catalog.logStartOffset(ORDERS_0)).isZero();
        assertThat(catalog.endOffset(ORDERS_0)).isEqualTo(3);
        assertThat(catalog.endOffset(TopicPartition.of("orders", 1))).isZero();
    }

    @Test
    void offsetForTime_skipsBatchesWhollyBeforeTheTime_andFindsTheFirstRecordAtOrAfterIt() {
        append(100, 200);          // offsets 0-1: wholly before 250
        append(300, 240, 260);     // offsets 2-4: max 300, first at or after 250 is offset 2
        append(240, 250);          // offsets 5-6

        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochMilli(250))).isEqualTo(2);
        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochMilli(0))).isZero();
        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochMilli(200))).isEqualTo(1);
        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochMilli(280))).isEqualTo(2);
    }

    @Test
    void offsetForTime_afterEveryRecord_isTheEnd() {
        append(100, 200);

        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochMilli(201))).isEqualTo(2);
        assertThat(catalog.offsetForTime(TopicPartition.of("orders", 1), Instant.ofEpochMilli(0))).isZero();
    }

    @Test
    void offsetForTime_ofAnInstantBeyondEpochMillis_isTheStartOrTheEnd() {
        append(100, 200);

        assertThat(catalog.offsetForTime(ORDERS_0, Instant.MAX)).isEqualTo(2);
        assertThat(catalog.offsetForTime(ORDERS_0, Instant.MIN)).isZero();
        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochSecond(Long.MAX_VALUE / 1000 + 1))).isEqualTo(2);
        assertThat(catalog.offsetForTime(ORDERS_0, Instant.ofEpochSecond(Long.MIN_VALUE / 1000 - 1))).isZero();
    }

    @Test
    void aTopicThatDoesNotExist_isTopicNotFound() {
        TopicPartition ghost = TopicPartition.of("ghost", 0);

        assertThatThrownBy(() -> catalog.logStartOffset(ghost)).isInstanceOf(TopicNotFoundException.class);
        assertThatThrownBy(() -> catalog.endOffset(ghost)).isInstanceOf(TopicNotFoundException.class);
        assertThatThrownBy(() -> catalog.offsetForTime(ghost, Instant.EPOCH)).isInstanceOf(TopicNotFoundException.class);
    }

    private void append(long... timestamps) {
        BatchBuilder builder = BatchBuilder.create();
        for (long timestamp : timestamps) {
            builder.add(Record.of(new byte[] {1}, timestamp));
        }
        orders.partition(0).append(builder.build(), AckLevel.COMMITTED).join();
    }
}
