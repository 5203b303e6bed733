package io.tributary.cli.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.Header;
import io.tributary.api.Record;
import io.tributary.cli.TributaryCli;
import io.tributary.client.ReadResult;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary consume}: records of a topic on stdout, one per line. Without {@code --follow} it
 * stops at the end each partition had when the command started; with it, it waits for new records
 * (long poll) until {@code --count} records or Ctrl-C.
 */
@Command(name = "consume", mixinStandardHelpOptions = true,
        description = "Print records of a topic, one per line.")
public final class ConsumeCommand implements Callable<Integer> {

    enum Output { TEXT, JSON }

    private static final int MAX_RECORDS_PER_READ = 1000;
    private static final Duration POLL = Duration.ofMillis(500);

    @ParentCommand
    private TributaryCli parent;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to read.")
    private String topic;

    @Option(names = "--partition", paramLabel = "P", description = "Only this partition (default: every partition, in turn).")
    private @Nullable Integer partition;

    @Option(names = "--from", defaultValue = "beginning", paramLabel = "beginning|end|OFFSET",
            description = "Where to start in each partition (default ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N records.")
    private @Nullable Long count;

    @Option(names = "--follow", description = "Keep waiting for new records instead of stopping at the end.")
    private boolean follow;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (the value) or json (offset, partition, key, value, headers, timestamp) (default ${DEFAULT-VALUE}).")
    private Output output;

    private final ObjectMapper json = new ObjectMapper();

    /** Where one partition is being read, and where it stops without --follow. */
    private static final class Position {
        final int partition;
        long next;
        final long stopAt;

        Position(int partition, long next, long stopAt) {
            this.partition = partition;
            this.next = next;
            this.stopAt = stopAt;
        }

        boolean done() {
            return next >= stopAt;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        PrintWriter out = parent.terminal().out();
        long printed = 0;
        try (TributaryClient client = connection.connect()) {
            List<Position> positions = startPositions(client);
            while (count == null || printed < count) {
                boolean anyLeft = false;
                for (Position position : positions) {
                    if (!follow && position.done()) {
                        continue;
                    }
                    anyLeft = true;
                    int max = (int) Math.min(MAX_RECORDS_PER_READ, count == null ? Long.MAX_VALUE : count - printed);
                    Duration wait = positions.size() == 1 ? POLL : Duration.ofMillis(POLL.toMillis() / positions.size());
                    ReadResult read = client.read(topic, position.partition, position.next, max, wait);
                    for (int i = 0; i < read.records().size(); i++) {
                        long offset = read.offsetOf(i);
                        if (!follow && offset >= position.stopAt) {
                            break;
                        }
                        print(out, position.partition, offset, read.records().get(i));
                        printed++;
                    }
                    position.next = read.nextOffset();
                    if (count != null && printed >= count) {
                        break;
                    }
                }
                out.flush();
                if (!anyLeft) {
                    break;
                }
            }
        }
        out.flush();
        return 0;
    }

    private List<Position> startPositions(TributaryClient client) {
        TopicDescription description = client.describeTopics(topic).getFirst();
        List<Position> positions = new ArrayList<>();
        for (TopicDescription.Partition p : description.partitions()) {
            if (partition != null && p.partition() != partition) {
                continue;
            }
            long start = switch (from) {
                case "beginning" -> p.logStartOffset();
                case "end" -> p.committedEndOffset();
                default -> parseOffset(from);
            };
            positions.add(new Position(p.partition(), Math.max(start, p.logStartOffset()), p.committedEndOffset()));
        }
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("topic " + topic + " has partitions 0.." + (description.partitions().size() - 1)
                    + ", not " + partition);
        }
        return positions;
    }

    private static long parseOffset(String text) {
        try {
            long offset = Long.parseLong(text);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException notANumber) {
            // fall through to the message
        }
        throw new IllegalArgumentException("--from takes beginning, end or an offset >= 0, not '" + text + "'");
    }

    private void print(PrintWriter out, int partitionNumber, long offset, Record record) throws Exception {
        if (output == Output.TEXT) {
            out.println(new String(record.value(), StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("partition", partitionNumber);
        line.put("offset", offset);
        line.put("timestamp", record.timestamp());
        line.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        line.put("value", new String(record.value(), StandardCharsets.UTF_8));
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.name(), new String(header.value(), StandardCharsets.UTF_8));
        }
        line.put("headers", headers);
        out.println(json.writeValueAsString(line));
    }
}
