package io.tributary.bench.client;

import io.tributary.api.Record;
import io.tributary.bench.OutstandingWindow;
import io.tributary.bench.ScratchDirectory;
import io.tributary.broker.Broker;
import io.tributary.broker.BrokerConfig;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.TributaryClient;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The batching producer: {@code threads} callers {@code sendAsync} 1 KiB records to one partition of a
 * broker in the same JVM, on loopback, with topic durability {@code os} so that the disk is not what is
 * measured: the score (records/s acknowledged) is the client's coalescing of concurrent senders into
 * batches, its encoding and its pipelining. Each caller keeps at most {@value OutstandingWindow#SIZE} records
 * unacknowledged (it waits for a free slot before sending), so the score is the acknowledged rate.
 * Compare with {@code ./tributary bench produce} against a separate server process, which adds the
 * server's own JVM and fsync.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
@Threads(4)
public class ClientBatchingBenchmark {

    private static final String TOPIC = "bench";

    @Param({"1024"})
    int valueBytes;

    @Param({"5ms"})
    String linger;

    private ScratchDirectory directory;
    private Broker broker;
    private TributaryClient client;
    private Producer producer;
    private byte[] value;
    final AtomicLong failed = new AtomicLong();


    @Setup(Level.Trial)
    public void start() {
        directory = ScratchDirectory.create("client");
        broker = Broker.start(BrokerConfig.defaults(directory.path()).withPort(0).withHttpPort(0));
        InetSocketAddress address = broker.address();
        client = TributaryClient.connect("tributary://127.0.0.1:" + address.getPort());
        client.createTopic(TOPIC, 1, Map.of("durability", "os"));
        producer = client.producer(TOPIC, ProducerOptions.defaults()
                .withLinger(io.tributary.api.config.ConfigKey.parseDuration(linger)));
        value = new byte[valueBytes];
    }

    @TearDown(Level.Trial)
    public void stop() {
        producer.close();
        client.close();
        broker.close();
        directory.close();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " records failed");
        }
    }

    @Benchmark
    public void sendAsync(OutstandingWindow window) throws InterruptedException {
        window.acquire();
        producer.sendAsync(Record.of(value, System.currentTimeMillis())).whenComplete((result, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
            window.release();
        });
    }
}
