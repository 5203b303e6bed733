package io.tributary.broker.partition;

import io.tributary.api.TopicPartition;
import io.tributary.log.LogConfig;
import io.tributary.log.PartitionLog;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/** Opens the partitions of a topic; the broker holds one and never names an implementation. */
@FunctionalInterface
public interface PartitionFactory {

    /** Opens (creating if absent) partition {@code id} in {@code directory}. */
    Partition open(TopicPartition id, Path directory, LogConfig config);

    /** Partitions on the local log engine, sharing {@code scheduler} for long polls and retention. */
    static PartitionFactory local(ScheduledExecutorService scheduler) {
        return (id, directory, config) -> new LocalPartition(id,
                PartitionLog.builder(directory).config(config).scheduler(scheduler).open());
    }
}
