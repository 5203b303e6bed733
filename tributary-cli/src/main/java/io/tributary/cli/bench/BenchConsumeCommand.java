package io.tributary.cli.bench;

import io.tributary.api.Record;
import io.tributary.client.ReadResult;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code tributary bench consume}: records/s read back from the start of a topic. */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Read a topic from its start (fill it first with bench produce); print records/s and MB/s.")
final class BenchConsumeCommand implements Callable<Integer> {

    private static final int MAX_RECORDS_PER_READ = 10_000;

    @ParentCommand
    private BenchCommand parent;

    @Mixin
    private ClientBenchOptions options;

    @Override
    public Integer call() throws Exception {
        options.validate(0);
        long records = 0;
        long bytes = 0;
        long start;
        long end;
        try (TributaryClient client = options.connection.connect()) {
            TopicDescription topic = client.describeTopics(options.topic).getFirst();
            long available = topic.partitions().stream()
                    .mapToLong(p -> p.committedEndOffset() - p.logStartOffset()).sum();
            if (available == 0) {
                throw new IllegalStateException("topic " + options.topic + " is empty; fill it first with "
                        + "'tributary bench produce --topic " + options.topic + "'");
            }
            start = System.nanoTime();
            long deadline = start + options.seconds * 1_000_000_000L;
            for (TopicDescription.Partition partition : topic.partitions()) {
                long next = partition.logStartOffset();
                while (next < partition.committedEndOffset() && System.nanoTime() < deadline) {
                    ReadResult read = client.read(options.topic, partition.partition(), next, MAX_RECORDS_PER_READ,
                            Duration.ZERO);
                    for (Record record : read.records()) {
                        bytes += record.value().length;
                    }
                    records += read.records().size();
                    next = read.nextOffset();
                }
            }
            end = System.nanoTime();
        }
        double seconds = (end - start) / 1e9;
        double recordsPerSec = records / seconds;
        double mbPerSec = bytes / seconds / 1e6;
        PrintWriter out = parent.terminal().out();
        out.printf(Locale.ROOT, "bench consume: topic %s, %d records in %.2f s%n", options.topic, records, seconds);
        out.printf(Locale.ROOT, "  %.0f records/s, %.1f MB/s (record values, MB = 10^6 bytes)%n", recordsPerSec, mbPerSec);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recordsPerSec", Math.round(recordsPerSec));
        json.put("mbPerSec", Math.round(mbPerSec * 10) / 10.0);
        json.put("records", records);
        json.put("seconds", Math.round(seconds * 100) / 100.0);
        options.printJson(out, json);
        return 0;
    }
}
