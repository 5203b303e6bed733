package io.tributary.cli.log;

import io.tributary.log.PartitionDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tributary log repair}: truncates after the last valid batch and says exactly what went. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Truncate the log after its last valid batch and delete later segments. "
                + "Only for a log no process has open; removed records are gone.")
final class LogRepairCommand implements Callable<Integer> {

    @ParentCommand
    private LogCommand parent;

    @Mixin
    private PartitionDirectoryOption partition;

    @Override
    public Integer call() {
        PartitionDirectory.RepairReport report = partition.existing().repair();
        PrintWriter out = parent.terminal().out();
        if (!report.changedAnything()) {
            out.println("nothing to repair: every batch is valid; the log ends at offset " + report.nextOffset());
            return 0;
        }
        if (report.truncatedFile() != null) {
            out.printf("truncated %s at byte %d%n", report.truncatedFile(), report.truncatedAt());
        }
        for (Path deleted : report.deletedSegments()) {
            out.println("deleted " + deleted);
        }
        out.printf("removed %d bytes; the log now ends at offset %d%n", report.bytesRemoved(), report.nextOffset());
        return 0;
    }
}
