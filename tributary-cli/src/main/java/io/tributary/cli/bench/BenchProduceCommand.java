package io.tributary.cli.bench;

import io.tributary.api.Record;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tributary bench produce}: acknowledged records/s through the batching producer. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Send records through the batching producer to a running broker; print acked records/s and MB/s.")
final class BenchProduceCommand implements Callable<Integer> {

    @ParentCommand
    private BenchCommand parent;

    @Mixin
    private ClientBenchOptions options;

    @Option(names = "--rate", defaultValue = "0", paramLabel = "R",
            description = "Records per second to offer; 0 = as fast as acks allow (default ${DEFAULT-VALUE}).")
    private long rate;

    @Override
    public Integer call() throws Exception {
        options.validate(0);
        byte[] value = new byte[options.recordSize];
        ThreadLocalRandom.current().nextBytes(value);
        AtomicLong acked = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long measuredFrom;
        long measuredTo;
        long ackedAtStart;
        long ackedAtEnd;
        try (TributaryClient client = options.connection.connect();
                Producer producer = client.producer(options.topic, ProducerOptions.defaults())) {
            long start = System.nanoTime();
            measuredFrom = start + options.warmupSeconds * 1_000_000_000L;
            measuredTo = measuredFrom + options.seconds * 1_000_000_000L;
            RateLimiter pace = new RateLimiter(start, rate);
            ackedAtStart = -1;
            while (failure.get() == null) {
                long now = pace.awaitNext();
                if (ackedAtStart < 0 && now >= measuredFrom) {
                    ackedAtStart = acked.get();
                    measuredFrom = System.nanoTime();
                }
                if (now >= measuredTo) {
                    break;
                }
                producer.sendAsync(Record.of(value, System.currentTimeMillis())).whenComplete((result, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            ackedAtEnd = acked.get();
            measuredTo = System.nanoTime();
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a send failed: " + failure.get().getMessage(), failure.get());
        }
        double seconds = (measuredTo - measuredFrom) / 1e9;
        double recordsPerSec = (ackedAtEnd - Math.max(0, ackedAtStart)) / seconds;
        double mbPerSec = recordsPerSec * options.recordSize / 1e6;
        PrintWriter out = parent.terminal().out();
        out.printf(Locale.ROOT, "bench produce: topic %s, %d B records, rate %s, %d s measured after %d s warm-up%n",
                options.topic, options.recordSize, rate == 0 ? "unlimited" : rate + "/s", options.seconds,
                options.warmupSeconds);
        out.printf(Locale.ROOT, "  %.0f records/s acked, %.1f MB/s (record values, MB = 10^6 bytes)%n", recordsPerSec, mbPerSec);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recordsPerSec", Math.round(recordsPerSec));
        json.put("mbPerSec", Math.round(mbPerSec * 10) / 10.0);
        json.put("recordSize", options.recordSize);
        json.put("seconds", options.seconds);
        json.put("rate", rate);
        options.printJson(out, json);
        return 0;
    }
}
