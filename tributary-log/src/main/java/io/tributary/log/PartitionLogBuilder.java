package io.tributary.log;

import io.tributary.log.internal.SegmentedLog;
import io.tributary.log.storage.Storage;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Opens a {@link PartitionLog} with injected collaborators. Defaults: {@link LogConfig#defaults()},
 * the system clock, the real file system, and a scheduler thread owned by the log.
 */
public final class PartitionLogBuilder {

    private final Path directory;
    private LogConfig config = LogConfig.defaults();
    private InstantSource clock = InstantSource.system();
    private Storage storage = Storage.fileSystem();
    private @Nullable ScheduledExecutorService scheduler;

    PartitionLogBuilder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    public PartitionLogBuilder config(LogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        return this;
    }

    /** Time for record timestamps checks, segment age and retention. */
    public PartitionLogBuilder clock(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** File access; tests pass a crash-simulating storage. */
    public PartitionLogBuilder storage(Storage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
        return this;
    }

    /**
     * Runs long-poll deadlines, interval fsyncs and periodic retention. Not shut down by the log.
     * Without one the log starts (and on close stops) a single daemon thread of its own.
     */
    public PartitionLogBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Opens (creating if absent) and recovers the partition.
     *
     * @throws CorruptLogException if a batch before the tail is bad
     * @throws LogException        if the directory cannot be used
     */
    public PartitionLog open() {
        return SegmentedLog.open(directory, config, clock, storage, scheduler);
    }
}
