package io.tributary.cli.log;

import io.tributary.api.Record;
import io.tributary.format.BatchBuilder;
import io.tributary.log.AppendResult;
import io.tributary.log.Durability;
import io.tributary.log.LogConfig;
import io.tributary.log.PartitionLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tributary log append}: each stdin line becomes a record; waits until all are committed. */
@Command(name = "append", mixinStandardHelpOptions = true,
        description = "Append stdin lines to the partition, one record per line (UTF-8), and wait for commit. "
                + "Creates the partition if the directory does not exist.")
final class LogAppendCommand implements Callable<Integer> {

    /** Appends allowed in flight before the next one waits: bounds memory on large inputs. */
    private static final int MAX_IN_FLIGHT = 16;

    @ParentCommand
    private LogCommand parent;

    @Mixin
    private PartitionDirectoryOption partition;

    @Option(names = "--batch-records", defaultValue = "1000", paramLabel = "N",
            description = "Records per batch (default ${DEFAULT-VALUE}).")
    private int batchRecords;

    @Option(names = "--durability", defaultValue = "fsync", paramLabel = "MODE",
            description = "fsync, interval or os (default ${DEFAULT-VALUE}).")
    private Durability durability;

    @Override
    public Integer call() throws IOException {
        if (batchRecords < 1) {
            throw new IllegalArgumentException("--batch-records must be at least 1, was " + batchRecords);
        }
        AppendedRange appended = new AppendedRange();
        ArrayDeque<CompletableFuture<AppendResult>> inFlight = new ArrayDeque<>();
        try (PartitionLog log = PartitionLog.open(partition.directory, LogConfig.defaults().withDurability(durability));
                BufferedReader lines = new BufferedReader(new InputStreamReader(parent.terminal().in(), StandardCharsets.UTF_8))) {
            BatchBuilder batch = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (batch == null) {
                    batch = BatchBuilder.create();
                }
                batch.add(Record.of(line.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis()));
                if (batch.recordCount() == batchRecords) {
                    inFlight.add(log.append(batch.build()));
                    batch = null;
                }
                while (inFlight.size() >= MAX_IN_FLIGHT) {
                    appended.add(inFlight.poll().join());
                }
            }
            if (batch != null) {
                inFlight.add(log.append(batch.build()));
            }
            for (CompletableFuture<AppendResult> future : inFlight) {
                appended.add(future.join());
            }
        }
        parent.terminal().err().println(appended);
        return 0;
    }

    /** The records appended so far and the offsets they took (appends complete in offset order). */
    private static final class AppendedRange {
        private long records;
        private long first = -1;
        private long last = -1;

        void add(AppendResult result) {
            first = first < 0 ? result.baseOffset() : first;
            last = result.lastOffset();
            records += result.recordCount();
        }

        @Override
        public String toString() {
            return records == 0 ? "0 records appended" : records + " records appended, offsets " + first + ".." + last;
        }
    }
}
