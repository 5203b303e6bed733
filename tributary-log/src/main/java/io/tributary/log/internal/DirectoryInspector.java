package io.tributary.log.internal;

import io.tributary.log.PartitionDirectory;
import io.tributary.log.storage.Storage;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Placeholder while the engine is written. */
public final class DirectoryInspector {

    public DirectoryInspector(Path directory, Storage storage) {
    }

    public void requirePartitionDirectory() {
        throw new UnsupportedOperationException("engine in progress");
    }

    public PartitionDirectory.VerifyReport verify() {
        throw new UnsupportedOperationException("engine in progress");
    }

    public PartitionDirectory.RepairReport repair() {
        throw new UnsupportedOperationException("engine in progress");
    }

    public void dump(Consumer<PartitionDirectory.BatchInfo> visitor) {
        throw new UnsupportedOperationException("engine in progress");
    }
}
