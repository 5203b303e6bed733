package io.tributary.cli.client;

import io.tributary.api.Record;
import io.tributary.cli.TributaryCli;
import io.tributary.cli.OneLineError;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.TributaryClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary produce}: one record per stdin line through the batching producer, so records keep
 * stdin order within a partition. Ends with {@code N records acked, M failed} on stderr and exits 1 if
 * any failed.
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Send stdin lines to a topic, one record per line (UTF-8).")
public final class ProduceCommand implements Callable<Integer> {

    @ParentCommand
    private TributaryCli parent;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to send to.")
    private String topic;

    @Option(names = "--key-separator", paramLabel = "SEP",
            description = "Split each line at the first SEP into key and value (lines without SEP have no key).")
    private @Nullable String keySeparator;

    @Option(names = "--delivery-timeout", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a record may stay unacknowledged before it counts as failed (default ${DEFAULT-VALUE}).")
    private Duration deliveryTimeout;

    @Option(names = "--no-wait-for-commit", negatable = true, defaultValue = "true",
            description = "Ack once written instead of once committed (default: wait for commit).")
    private boolean waitForCommit;

    @Override
    public Integer call() throws Exception {
        if (keySeparator != null && keySeparator.isEmpty()) {
            throw new IllegalArgumentException("--key-separator cannot be empty");
        }
        PrintWriter err = parent.terminal().err();
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        ProducerOptions options = ProducerOptions.defaults().withDeliveryTimeout(deliveryTimeout)
                .withWaitForCommit(waitForCommit);
        try (TributaryClient client = connection.connect();
                BufferedReader lines = new BufferedReader(new InputStreamReader(parent.terminal().in(), StandardCharsets.UTF_8))) {
            Producer producer = client.producer(topic, options);
            try {
                String line;
                while ((line = lines.readLine()) != null) {
                    producer.sendAsync(toRecord(line)).whenComplete((result, error) -> {
                        if (error == null) {
                            acked.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, error);
                        }
                    });
                }
                producer.flush();
            } finally {
                producer.close(deliveryTimeout);
            }
        }
        Throwable failure = firstFailure.get();
        if (failure != null) {
            err.println("tributary: first failure: " + OneLineError.describe(failure));
        }
        err.println(acked.get() + " records acked, " + failed.get() + " failed");
        err.flush();
        return failed.get() == 0 ? 0 : 1;
    }

    private Record toRecord(String line) {
        long now = System.currentTimeMillis();
        if (keySeparator != null) {
            int at = line.indexOf(keySeparator);
            if (at >= 0) {
                return Record.of(line.substring(0, at).getBytes(StandardCharsets.UTF_8),
                        line.substring(at + keySeparator.length()).getBytes(StandardCharsets.UTF_8), now);
            }
        }
        return Record.of(line.getBytes(StandardCharsets.UTF_8), now);
    }
}
