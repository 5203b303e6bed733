package io.tributary.cli.log;

import io.tributary.format.BatchHeader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tributary log dump}: one line per batch header, for debugging. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print every batch header, one per line, stopping at the first bad batch.")
final class LogDumpCommand implements Callable<Integer> {

    @ParentCommand
    private LogCommand parent;

    @Mixin
    private PartitionDirectoryOption partition;

    @Override
    public Integer call() {
        PrintWriter out = parent.terminal().out();
        partition.existing().dump(info -> {
            BatchHeader h = info.header();
            out.printf("%s position=%d baseOffset=%d lastOffset=%d records=%d size=%d firstTimestamp=%d maxTimestamp=%d "
                            + "producerId=%d producerEpoch=%d baseSequence=%d codec=%s crc=%s%n",
                    info.file().getFileName(), info.position(), h.baseOffset(), h.lastOffset(), h.recordCount(),
                    h.sizeInBytes(), h.firstTimestamp(), h.maxTimestamp(), h.producerId(), h.producerEpoch(),
                    h.baseSequence(), h.compression().name().toLowerCase(java.util.Locale.ROOT),
                    info.checksumValid() ? "ok" : "BAD");
        });
        return 0;
    }
}
