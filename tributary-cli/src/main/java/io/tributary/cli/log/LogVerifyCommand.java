package io.tributary.cli.log;

import io.tributary.log.PartitionDirectory;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tributary log verify}: checksums every batch; exit 1 when anything is wrong. Changes nothing. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every batch of every segment. Exit 0 when healthy, 1 when problems were found.")
final class LogVerifyCommand implements Callable<Integer> {

    @ParentCommand
    private LogCommand parent;

    @Mixin
    private PartitionDirectoryOption partition;

    @Override
    public Integer call() {
        PartitionDirectory.VerifyReport report = partition.existing().verify();
        PrintWriter out = parent.terminal().out();
        out.printf("%d segments, %d batches, %d records, %d bytes, offsets %s%n", report.segments(), report.batches(),
                report.records(), report.bytes(), LogFormatting.range(report.startOffset(), report.nextOffset()));
        for (PartitionDirectory.Problem problem : report.problems()) {
            out.printf("problem: %s at byte %d: %s%n", problem.file(), problem.position(), problem.description());
        }
        out.println(report.healthy() ? "healthy" : report.problems().size()
                + " problem(s); 'tributary log repair --dir " + partition.directory + "' truncates after the last valid batch");
        return report.healthy() ? 0 : 1;
    }
}
