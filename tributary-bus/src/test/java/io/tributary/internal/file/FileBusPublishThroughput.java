package io.tributary.internal.file;

import io.tributary.Bus;
import io.tributary.BusOptions;
import io.tributary.Tributary;
import io.tributary.event.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many events a second a {@code file:} bus commits (topic durability {@code fsync}) when several
 * threads publish 1 KiB events, each keeping a window of publishes outstanding. A measurement, not a
 * test: it asserts nothing, is not named {@code *Test} (so {@code verify} skips it) and runs only when
 * asked for:
 *
 * <pre>
 * ./mvnw -q -pl tributary-bus -am verify -Dtest=FileBusPublishThroughput -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.partitions=1 -Dbench.threads=4
 * cat tributary-bus/target/surefire-reports/io.tributary.internal.file.FileBusPublishThroughput-output.txt
 * </pre>
 *
 * System properties: {@code bench.threads} (4), {@code bench.partitions} (1), {@code bench.bytes} (1024),
 * {@code bench.window} (1024 per thread), {@code bench.warmup} (3 s), {@code bench.seconds} (10),
 * {@code bench.dir} (a temporary directory; it must be disk-backed for the number to mean anything).
 * Kept JMH-free here because {@code tributary-bench} does not depend on the bus module.
 */
@Tag("benchmark")
class FileBusPublishThroughput {

    @TempDir
    Path temporary;

    @Test
    void publishFromSeveralThreads() throws Exception {
        int threads = Integer.getInteger("bench.threads", 4);
        int partitions = Integer.getInteger("bench.partitions", 1);
        int bytes = Integer.getInteger("bench.bytes", 1024);
        int window = Integer.getInteger("bench.window", 1024);
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
        Duration measured = Duration.ofSeconds(Integer.getInteger("bench.seconds", 10));
        Path directory = Files.createTempDirectory(Path.of(System.getProperty("bench.dir", temporary.toString())), "bus");
        byte[] data = new byte[bytes];

        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        try (Bus bus = Tributary.open("file:" + directory, BusOptions.defaults().withPartitions(partitions))) {
            List<Thread> publishers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                publishers.add(Thread.ofPlatform().name("publisher-" + t).start(() -> {
                    Semaphore outstanding = new Semaphore(window);
                    while (running.get()) {
                        outstanding.acquireUninterruptibly();
                        bus.publish("throughput", Event.builder("bench.tick").data(data).build())
                                .whenComplete((position, error) -> {
                                    (error == null ? committed : failed).incrementAndGet();
                                    outstanding.release();
                                });
                    }
                    outstanding.acquireUninterruptibly(window); // every publish finished
                }));
            }
            Thread.sleep(warmup);
            long startCount = committed.get();
            long start = System.nanoTime();
            Thread.sleep(measured);
            long count = committed.get() - startCount;
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread publisher : publishers) {
                publisher.join();
            }
            double rate = count / seconds;
            System.out.printf("file: bus, fsync, %d threads x window %d, %d partition(s), %d-byte data, %s (%s):%n"
                            + "  %.0f events/s, %.1f MiB/s of data, %d failed%n",
                    threads, window, partitions, bytes, directory, Files.getFileStore(directory).type(), rate,
                    rate * bytes / (1 << 20), failed.get());
        }
    }
}
