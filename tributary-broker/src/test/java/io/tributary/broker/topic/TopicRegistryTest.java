package io.tributary.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.TopicExistsException;
import io.tributary.api.TopicName;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.config.ByteSize;
import io.tributary.broker.partition.PartitionFactory;
import io.tributary.log.AckLevel;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import io.tributary.log.TestBatches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRegistryTest {

    private static final TopicName ORDERS = TopicName.of("orders");

    @TempDir
    Path data;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private TopicRegistry registry;

    private TopicRegistry open() {
        registry = TopicRegistry.open(data, LogConfig.defaults(), PartitionFactory.local(scheduler));
        return registry;
    }

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void create_opensEveryPartitionWithTheTopicSettings() {
        open();

        Topic topic = registry.create(ORDERS, 3, Map.of("durability", "os", "retention-age", "1h"));

        assertThat(topic.partitions()).hasSize(3);
        assertThat(topic.config().durability()).isEqualTo(Durability.OS);
        assertThat(topic.config().retentionAge()).isEqualTo(Duration.ofHours(1));
        assertThat(topic.partition(2).id().toString()).isEqualTo("orders-2");
        assertThat(Files.isDirectory(data.resolve("topics/orders/partition-2"))).isTrue();
    }

    @Test
    void topicsAndTheirRecords_surviveARestart() {
        open().create(ORDERS, 2, Map.of("segment-bytes", "64MiB"));
        registry.require(ORDERS).partition(1).append(TestBatches.of("kept"), AckLevel.COMMITTED).join();
        registry.close();

        open();

        Topic reopened = registry.require(ORDERS);
        assertThat(reopened.config().segmentBytes()).isEqualTo(ByteSize.ofMebibytes(64));
        assertThat(reopened.partition(1).state().committedEndOffset()).isEqualTo(1);
        assertThat(reopened.partition(0).state().committedEndOffset()).isZero();
    }

    @Test
    void create_ofAnExistingTopic_isANamedError() {
        open().create(ORDERS, 1, Map.of());

        assertThatThrownBy(() -> registry.create(ORDERS, 1, Map.of()))
                .isInstanceOf(TopicExistsException.class)
                .hasMessageContaining("topic orders already exists");
    }

    @Test
    void create_withAnUnknownSettingOrBadCount_saysWhatIsAllowed() {
        open();

        assertThatThrownBy(() -> registry.create(ORDERS, 1, Map.of("colour", "red")))
                .hasMessageContaining("unknown topic setting 'colour'").hasMessageContaining("retention-age");
        assertThatThrownBy(() -> registry.create(ORDERS, 0, Map.of())).hasMessageContaining("1 to 1000 partitions");
        assertThatThrownBy(() -> registry.create(ORDERS, 1, Map.of("durability", "sometimes")))
                .hasMessageContaining("tributary.log.durability").hasMessageContaining("fsync, interval, os");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void require_ofAMissingTopic_explainsTheWayOut() {
        open();

        assertThatThrownBy(() -> registry.require(ORDERS))
                .isInstanceOf(TopicNotFoundException.class)
                .hasMessageContaining("tributary topic create orders");
    }

    @Test
    void createIfAbsent_marksTheTopicAutoCreated_andReturnsAnExistingOneUnchanged() {
        open();

        Topic created = registry.createIfAbsent(ORDERS, 1);
        Topic again = registry.createIfAbsent(ORDERS, 5);

        assertThat(created.config().autoCreated()).isTrue();
        assertThat(again).isSameAs(created);
    }

    @Test
    void alter_changesRetentionAndDurability_andPersistsThem() {
        open().create(ORDERS, 1, Map.of());

        registry.alter(ORDERS, Map.of("durability", "interval", "retention-bytes", "1GiB"));
        registry.close();
        open();

        TopicConfig config = registry.require(ORDERS).config();
        assertThat(config.durability()).isEqualTo(Durability.INTERVAL);
        assertThat(config.retentionBytes()).isEqualTo(ByteSize.ofGibibytes(1));
    }

    @Test
    void alter_ofThePartitionCount_isRefused() {
        open().create(ORDERS, 1, Map.of());

        assertThatThrownBy(() -> registry.alter(ORDERS, Map.of("partitions", "4")))
                .hasMessageContaining("'partitions' cannot be altered");
    }

    @Test
    void delete_removesTheTopicAndItsFiles() {
        open().create(ORDERS, 2, Map.of());

        registry.delete(ORDERS);

        assertThat(registry.find(ORDERS)).isEmpty();
        assertThat(data.resolve("topics/orders")).doesNotExist();
        assertThat(registry.create(ORDERS, 1, Map.of()).partition(0).state().endOffset()).isZero();
    }

    @Test
    void open_removesAHalfCreatedTopic() throws IOException {
        Files.createDirectories(data.resolve("topics/half/partition-0"));

        open();

        assertThat(registry.list()).isEmpty();
        assertThat(data.resolve("topics/half")).doesNotExist();
    }

    @Test
    void partition_outsideTheTopic_isANamedError() {
        Topic topic = open().create(ORDERS, 2, Map.of());

        assertThatThrownBy(() -> topic.partition(2))
                .isInstanceOf(UnknownPartitionException.class)
                .hasMessageContaining("has partitions 0..1, not 2");
    }
}
