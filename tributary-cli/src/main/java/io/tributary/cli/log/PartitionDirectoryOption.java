package io.tributary.cli.log;

import io.tributary.log.PartitionDirectory;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --dir} option every log tool takes. */
final class PartitionDirectoryOption {

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "The partition directory.")
    Path directory;

    /** The directory, which must already hold a partition. */
    PartitionDirectory existing() {
        return PartitionDirectory.at(directory);
    }
}
