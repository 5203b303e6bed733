package io.tributary.cli.bench;

import io.tributary.api.Record;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.ReadResult;
import io.tributary.client.TopicDescription;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import io.tributary.cli.client.DurationConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary bench e2e}: latency from the moment a record was <em>meant</em> to be sent (at a fixed
 * rate) until a consumer in the same process reads it, committed, from the broker. Each value starts
 * with its intended send time, so sender stalls count (no coordinated omission).
 */
@Command(name = "e2e", mixinStandardHelpOptions = true,
        description = "Send at a fixed rate and read back; print end-to-end latency percentiles (HdrHistogram).")
final class BenchEndToEndCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long DRAIN_NANOS = 10_000_000_000L;

    @ParentCommand
    private BenchCommand parent;

    @Mixin
    private ClientBenchOptions options;

    @Option(names = "--rate", defaultValue = "20000", paramLabel = "R",
            description = "Records per second (default ${DEFAULT-VALUE}).")
    private long rate;

    @Option(names = "--linger", defaultValue = "1ms", paramLabel = "D", converter = DurationConverter.class,
            description = "The producer's linger (default ${DEFAULT-VALUE}).")
    private Duration linger;

    @Override
    public Integer call() throws Exception {
        options.validate(Long.BYTES);
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1 for e2e, was " + rate);
        }
        Histogram latency = new Histogram(60_000_000_000L, 3);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long sent = 0;
        long received;
        try (TributaryClient client = options.connection.connect();
                Producer producer = client.producer(options.topic, ProducerOptions.defaults().withLinger(linger))) {
            producer.send(Record.of(new byte[Long.BYTES], System.currentTimeMillis())); // creates the topic if needed
            List<TopicDescription.Partition> partitions = client.describeTopics(options.topic).getFirst().partitions();
            long start = System.nanoTime();
            long measuredFrom = start + options.warmupSeconds * 1_000_000_000L;
            long end = measuredFrom + options.seconds * 1_000_000_000L;
            Reader reader = new Reader(client, options.topic, partitions, latency, measuredFrom, failure);
            Thread readerThread = Thread.ofPlatform().name("bench-e2e-reader").start(reader);
            RateLimiter pace = new RateLimiter(start, rate);
            byte[] padding = new byte[options.recordSize - Long.BYTES];
            ThreadLocalRandom.current().nextBytes(padding);
            while (failure.get() == null) {
                long intended = pace.awaitNext();
                if (intended >= end) {
                    break;
                }
                byte[] value = ByteBuffer.allocate(options.recordSize).putLong(intended).put(padding).array();
                producer.sendAsync(Record.of(value, System.currentTimeMillis())).whenComplete((result, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if (intended >= measuredFrom) {
                    sent++;
                }
            }
            producer.flush();
            reader.expect(sent, System.nanoTime() + DRAIN_NANOS);
            readerThread.join();
            received = reader.measured();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("e2e failed: " + failure.get().getMessage(), failure.get());
        }
        double p50 = latency.getValueAtPercentile(50) / 1e6;
        double p99 = latency.getValueAtPercentile(99) / 1e6;
        double p999 = latency.getValueAtPercentile(99.9) / 1e6;
        double max = latency.getMaxValue() / 1e6;
        double recordsPerSec = received / (double) options.seconds;
        PrintWriter out = parent.terminal().out();
        out.printf(Locale.ROOT, "bench e2e: topic %s, %d B records at %d/s, %d s measured after %d s warm-up; %d of %d read back%n",
                options.topic, options.recordSize, rate, options.seconds, options.warmupSeconds, received, sent);
        out.printf(Locale.ROOT, "  intended send to read: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                p50, p99, p999, max);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recordsPerSec", Math.round(recordsPerSec));
        json.put("mbPerSec", Math.round(recordsPerSec * options.recordSize / 1e5) / 10.0);
        json.put("p50Ms", p50);
        json.put("p99Ms", p99);
        json.put("p999Ms", p999);
        json.put("maxMs", max);
        json.put("rate", rate);
        json.put("recordSize", options.recordSize);
        options.printJson(out, json);
        if (received < sent) {
            throw new IllegalStateException("only " + received + " of " + sent + " measured records were read back");
        }
        return 0;
    }

    /** Long-polls every partition from its end and records the latency of each measured record. */
    private static final class Reader implements Runnable {
        private final TributaryClient client;
        private final String topic;
        private final List<TopicDescription.Partition> partitions;
        private final Histogram latency;
        private final long measuredFrom;
        private final AtomicReference<Throwable> failure;
        private volatile long expected = Long.MAX_VALUE;
        private volatile long deadline = Long.MAX_VALUE;
        private volatile long measured;

        Reader(TributaryClient client, String topic, List<TopicDescription.Partition> partitions, Histogram latency,
                long measuredFrom, AtomicReference<Throwable> failure) {
            this.client = client;
            this.topic = topic;
            this.partitions = partitions;
            this.latency = latency;
            this.measuredFrom = measuredFrom;
            this.failure = failure;
        }

        void expect(long count, long until) {
            deadline = until;
            expected = count;
        }

        long measured() {
            return measured;
        }

        @Override
        public void run() {
            long[] next = new long[partitions.size()];
            for (int i = 0; i < next.length; i++) {
                next[i] = partitions.get(i).committedEndOffset();
            }
            try {
                while (measured < expected && System.nanoTime() < deadline && failure.get() == null) {
                    for (int i = 0; i < next.length; i++) {
                        ReadResult read = client.read(topic, partitions.get(i).partition(), next[i], 10_000, POLL);
                        long now = System.nanoTime();
                        for (Record record : read.records()) {
                            long intended = ByteBuffer.wrap(record.value()).getLong();
                            if (intended >= measuredFrom) {
                                latency.recordValue(Math.max(0, now - intended));
                                measured++;
                            }
                        }
                        next[i] = read.nextOffset();
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
