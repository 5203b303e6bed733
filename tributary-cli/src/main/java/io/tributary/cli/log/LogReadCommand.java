package io.tributary.cli.log;

import io.tributary.api.Record;
import io.tributary.format.RecordBatch;
import io.tributary.log.LogConfig;
import io.tributary.log.PartitionLog;
import io.tributary.log.ReadResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tributary log read}: record values, one per line, in offset order, up to the committed end. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Print record values (UTF-8), one per line, from an offset to the end of the log.")
final class LogReadCommand implements Callable<Integer> {

    private static final int READ_BYTES = 1 << 20;

    @ParentCommand
    private LogCommand parent;

    @Mixin
    private PartitionDirectoryOption partition;

    @Option(names = "--from", paramLabel = "OFFSET", description = "First offset to print (default: the log start).")
    private Long from;

    @Option(names = "--count", paramLabel = "N", description = "Print at most N records (default: all).")
    private Long count;

    @Override
    public Integer call() throws IOException {
        partition.existing();
        if (count != null && count < 0) {
            throw new IllegalArgumentException("--count cannot be negative, was " + count);
        }
        long remaining = count == null ? Long.MAX_VALUE : count;
        PrintWriter out = parent.terminal().out();
        try (PartitionLog log = PartitionLog.open(partition.directory, LogConfig.defaults())) {
            long next = from == null ? log.logStartOffset() : from;
            while (remaining > 0) {
                ReadResult result = log.read(next, READ_BYTES);
                if (result instanceof ReadResult.BelowLogStart below) {
                    throw new IllegalArgumentException("offset " + next + " is below the log start "
                            + below.logStartOffset() + " (retention deleted it); use --from " + below.logStartOffset());
                }
                if (!(result instanceof ReadResult.Records records)) {
                    break;
                }
                for (RecordBatch batch : records.slice().batches()) {
                    batch.ensureValid();
                    List<Record> batchRecords = batch.records();
                    for (int i = 0; i < batchRecords.size() && remaining > 0; i++) {
                        if (batch.baseOffset() + i >= next) {
                            out.println(new String(batchRecords.get(i).value(), StandardCharsets.UTF_8));
                            remaining--;
                        }
                    }
                }
                next = records.nextOffset();
            }
        }
        out.flush();
        return 0;
    }
}
