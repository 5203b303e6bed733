package io.tributary.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AckLevel;
import io.tributary.log.ReadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data directory opened in process, without listeners: the part {@link Broker#start} builds on. */
class EmbeddedBrokerTest {

    @TempDir
    Path data;

    @Test
    void appendedRecords_areThereAfterReopening_underTheSameClusterId() throws Exception {
        String clusterId;
        try (EmbeddedBroker broker = EmbeddedBroker.open(BrokerConfig.defaults(data))) {
            clusterId = broker.clusterId();
            broker.service().createTopic("orders", 2, Map.of());
            broker.service().append("orders", 1, BatchBuilder.create()
                    .add(Record.of("created".getBytes(StandardCharsets.UTF_8), 1)).build(), AckLevel.COMMITTED,
                    Duration.ofSeconds(10)).join();
        }

        try (EmbeddedBroker reopened = EmbeddedBroker.open(BrokerConfig.defaults(data))) {
            assertThat(reopened.clusterId()).isEqualTo(clusterId);
            assertThat(reopened.service().require("orders").partitions()).hasSize(2);
            ReadResult read = reopened.service().read("orders", 1, 0, 1 << 20, Duration.ZERO).join();
            assertThat(read).isInstanceOf(ReadResult.Records.class);
            assertThat(((ReadResult.Records) read).slice().batches().getFirst().records())
                    .extracting(record -> new String(record.value(), StandardCharsets.UTF_8)).containsExactly("created");
        }
    }

    @Test
    void secondOpenOfADirectory_isRefusedWhileTheFirstHoldsItsLock_andAllowedAfterClose() {
        EmbeddedBroker first = EmbeddedBroker.open(BrokerConfig.defaults(data));
        try {
            assertThatThrownBy(() -> EmbeddedBroker.open(BrokerConfig.defaults(data)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(data.toAbsolutePath().resolve(".lock").toString())
                    .hasMessageContaining("in use");
            assertThatThrownBy(() -> Broker.start(BrokerConfig.defaults(data).withPort(0).withHttpPort(0)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(".lock");
        } finally {
            first.close();
        }
        EmbeddedBroker.open(BrokerConfig.defaults(data)).close();
    }

    @Test
    void directoryOfAnotherCluster_isRefused_andReleasesItsLock() {
        EmbeddedBroker.open(BrokerConfig.defaults(data).withClusterId("blue")).close();

        assertThatThrownBy(() -> EmbeddedBroker.open(BrokerConfig.defaults(data).withClusterId("green")))
                .isInstanceOf(ClusterIdMismatchException.class).hasMessageContaining("blue");
        EmbeddedBroker.open(BrokerConfig.defaults(data).withClusterId("blue")).close(); // the failed open let go of the lock
    }

    @Test
    void close_isIdempotent() {
        EmbeddedBroker broker = EmbeddedBroker.open(BrokerConfig.defaults(data));
        broker.close();
        broker.close();
    }
}
