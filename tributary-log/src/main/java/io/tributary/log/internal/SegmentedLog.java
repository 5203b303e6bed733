package io.tributary.log.internal;

import io.tributary.log.LogConfig;
import io.tributary.log.PartitionLog;
import io.tributary.log.storage.Storage;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/** Placeholder while the engine is written. */
public final class SegmentedLog {

    private SegmentedLog() {
    }

    public static PartitionLog open(Path directory, LogConfig config, InstantSource clock, Storage storage,
            @Nullable ScheduledExecutorService scheduler) {
        throw new UnsupportedOperationException("engine in progress");
    }
}
