package io.tributary.bench.bus;

import io.tributary.Bus;
import io.tributary.BusOptions;
import io.tributary.Tributary;
import io.tributary.bench.OutstandingWindow;
import io.tributary.bench.ScratchDirectory;
import io.tributary.event.Event;
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
 * How many 1 KiB events a second a {@code file:} bus commits with {@code fsync} (the default durability)
 * when 4 threads publish, each keeping up to {@value OutstandingWindow#SIZE} publishes outstanding, as an application
 * that does not wait for each publish would. One operation = one publish; a thread waits for a free slot
 * of its window before it publishes, so in the steady state the score is the commit rate. The issue's
 * target: at least 100k events/s.
 *
 * <p>The data directory is a {@link ScratchDirectory} (put it on the disk to measure with
 * {@code -Dtributary.bench.dir=DIR}), deleted after the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Threads(4)
public class FileBusPublishBenchmark {


    @Param({"1"})
    int partitions;

    @Param({"1024"})
    int dataBytes;

    private ScratchDirectory directory;
    private Bus bus;
    private byte[] data;
    final AtomicLong failed = new AtomicLong();


    @Setup(Level.Trial)
    public void open() {
        directory = ScratchDirectory.create("file-bus");
        bus = Tributary.open("file:" + directory.path(), BusOptions.defaults().withPartitions(partitions));
        data = new byte[dataBytes];
    }

    @TearDown(Level.Trial)
    public void close() {
        bus.close();
        directory.close();
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " publishes failed");
        }
    }

    @Benchmark
    public void publish(OutstandingWindow window) throws InterruptedException {
        window.acquire();
        bus.publish("bench", Event.builder("bench.tick").data(data).build()).whenComplete((position, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
            window.release();
        });
    }
}
