package io.tributary.bench.compare;

import io.tributary.cli.bench.RateLimiter;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Runs one {@link Workload} against one {@link PeerClient}, the same way for every system: a fresh topic,
 * consumers first (reading from the beginning), producers sending values that start with their intended
 * send time, a warm-up, a measured window read off counters at its two ends, a drain, the topic deleted.
 * Nothing spins: producers park between paced sends or block in their client, the main thread sleeps.
 */
final class WorkloadRunner {

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final long HIGHEST_LATENCY_NANOS = Duration.ofMinutes(10).toNanos();
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration BACKLOG_READ_LIMIT = Duration.ofMinutes(10);

    private final Duration warmUp;
    private final Duration measure;
    private final long backlogBytes;

    WorkloadRunner(Duration warmUp, Duration measure, long backlogBytes) {
        this.warmUp = warmUp;
        this.measure = measure;
        this.backlogBytes = backlogBytes;
    }

    /** Runs {@code workload} on a new topic {@code topic}; deletes the topic afterwards. */
    RunResult run(PeerClient client, Workload workload, String topic, PeerSystem system, DurabilityMode durability,
            int repetition) throws Exception {
        client.createTopic(topic, workload.partitions());
        try {
            return workload.kind() == Workload.Kind.BACKLOG
                    ? backlog(client, workload, topic, system, durability, repetition)
                    : streaming(client, workload, topic, system, durability, repetition);
        } finally {
            try {
                client.deleteTopic(topic, workload.partitions());
            } catch (Exception e) {
                System.err.println("compare: could not delete " + system.id() + " topic " + topic + ": " + e);
            }
        }
    }

    private RunResult streaming(PeerClient client, Workload workload, String topic, PeerSystem system,
            DurabilityMode durability, int repetition) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long measureTo = measureFrom + measure.toNanos();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Tally> tallies = new ArrayList<>();
        List<PeerClient.RecordReceiver> receivers = new ArrayList<>();
        LongAdder acked = new LongAdder();
        List<Thread> producers = new ArrayList<>();
        try {
            for (int c = 0; c < workload.consumers(); c++) {
                Tally tally = new Tally(measureFrom, measureTo);
                tallies.add(tally);
                receivers.add(client.receiver(topic, workload.partitions(), workload.partitionsOf(c), tally));
            }
            double ratePerProducer = workload.rate() / (double) workload.producers();
            for (int p = 0; p < workload.producers(); p++) {
                PeerClient.RecordSender sender = client.sender(topic, workload.partitions(),
                        workload.kind() == Workload.Kind.FIXED_RATE, listener(acked, failure));
                RateLimiter pacer = new RateLimiter(start, ratePerProducer);
                byte[] template = randomBytes(workload.recordSize(), p);
                producers.add(Thread.ofPlatform().name("compare-producer-" + p).start(() -> {
                    try (sender) {
                        Runnable idle = () -> {
                            try {
                                sender.idle();
                            } catch (Exception e) {
                                failure.compareAndSet(null, e);
                            }
                        };
                        while (failure.get() == null) {
                            long intended = pacer.awaitNext(idle);
                            if (intended >= measureTo) {
                                break;
                            }
                            sender.send(stamped(template, intended));
                        }
                        sender.flush();
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            sleepUntil(measureFrom);
            long ackedAtStart = acked.sum();
            long receivedAtStart = received(tallies);
            long windowStart = System.nanoTime();
            sleepUntil(measureTo);
            long ackedAtEnd = acked.sum();
            long receivedAtEnd = received(tallies);
            double seconds = (System.nanoTime() - windowStart) / 1e9;
            for (Thread producer : producers) {
                producer.join();
            }
            long drainUntil = System.nanoTime() + DRAIN.toNanos();
            while (received(tallies) < acked.sum() && System.nanoTime() < drainUntil && failure.get() == null) {
                Thread.sleep(20);
            }
            rethrow(failure);
            if (received(tallies) < acked.sum()) {
                throw new IllegalStateException("consumers read " + received(tallies) + " of " + acked.sum()
                        + " acknowledged records within " + DRAIN.toSeconds() + " s after the end");
            }
            Histogram latency = new Histogram(HIGHEST_LATENCY_NANOS, 3);
            for (Tally tally : tallies) {
                tally.addTo(latency);
            }
            return new RunResult(workload, system, durability, repetition, (ackedAtEnd - ackedAtStart) / seconds,
                    (receivedAtEnd - receivedAtStart) / seconds, latency, loadAverage(), null);
        } finally {
            failure.compareAndSet(null, new InterruptedException("run ended"));
            for (Thread producer : producers) {
                producer.join(60_000);
            }
            closeAll(receivers);
        }
    }

    private RunResult backlog(PeerClient client, Workload workload, String topic, PeerSystem system,
            DurabilityMode durability, int repetition) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LongAdder acked = new LongAdder();
        long records = Math.max(1, backlogBytes / workload.recordSize());
        byte[] template = randomBytes(workload.recordSize(), 0);
        long fillStart = System.nanoTime();
        try (PeerClient.RecordSender sender = client.sender(topic, workload.partitions(), false, listener(acked, failure))) {
            for (long i = 0; i < records && failure.get() == null; i++) {
                sender.send(stamped(template, System.nanoTime()));
            }
            sender.flush();
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        rethrow(failure);
        if (acked.sum() != records) {
            throw new IllegalStateException(acked.sum() + " of " + records + " backlog records acknowledged");
        }
        Tally tally = new Tally(Long.MAX_VALUE, Long.MAX_VALUE);
        long readStart = System.nanoTime();
        List<PeerClient.RecordReceiver> receivers = new ArrayList<>();
        try {
            for (int c = 0; c < workload.consumers(); c++) {
                receivers.add(client.receiver(topic, workload.partitions(), workload.partitionsOf(c), tally));
            }
            long deadline = readStart + BACKLOG_READ_LIMIT.toNanos();
            while (tally.received() < records && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;
            if (tally.received() < records) {
                throw new IllegalStateException("read " + tally.received() + " of " + records + " backlog records in "
                        + BACKLOG_READ_LIMIT.toMinutes() + " min");
            }
            return new RunResult(workload, system, durability, repetition, records / fillSeconds,
                    records / readSeconds, null, loadAverage(), null);
        } finally {
            closeAll(receivers);
        }
    }

    private static PeerClient.AckListener listener(LongAdder acked, AtomicReference<Throwable> failure) {
        return new PeerClient.AckListener() {
            @Override
            public void acked(int records) {
                acked.add(records);
            }

            @Override
            public void failed(Throwable error) {
                failure.compareAndSet(null, error);
            }
        };
    }

    private static byte[] randomBytes(int size, int seed) {
        byte[] bytes = new byte[size];
        new SplittableRandom(seed).nextBytes(bytes);
        return bytes;
    }

    /** A fresh copy of {@code template} whose first 8 bytes are the intended send time (clients may keep the array). */
    static byte[] stamped(byte[] template, long intendedNanos) {
        byte[] value = template.clone();
        LONG.set(value, 0, intendedNanos);
        return value;
    }

    static long intendedNanos(byte[] value) {
        return (long) LONG.get(value, 0);
    }

    private static long received(List<Tally> tallies) {
        long sum = 0;
        for (Tally tally : tallies) {
            sum += tally.received();
        }
        return sum;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long now;
        while ((now = System.nanoTime()) < nanoTime) {
            Thread.sleep(Math.max(1, (nanoTime - now) / 1_000_000));
        }
    }

    private static void rethrow(AtomicReference<Throwable> failure) throws Exception {
        Throwable error = failure.get();
        if (error instanceof Exception exception) {
            throw exception;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
    }

    private static void closeAll(List<PeerClient.RecordReceiver> receivers) throws Exception {
        Exception first = null;
        for (PeerClient.RecordReceiver receiver : receivers) {
            try {
                receiver.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Counts what one receiver read and records the latency of measured records; a receiver may call it from several threads. */
    static final class Tally implements PeerClient.ValueHandler {
        private final long measureFrom;
        private final long measureTo;
        private final Histogram latency = new Histogram(HIGHEST_LATENCY_NANOS, 3);
        private final AtomicLong received = new AtomicLong();

        Tally(long measureFrom, long measureTo) {
            this.measureFrom = measureFrom;
            this.measureTo = measureTo;
        }

        @Override
        public void onValue(byte[] value, long receivedNanos) {
            long intended = intendedNanos(value);
            if (intended >= measureFrom && intended < measureTo) {
                synchronized (this) {
                    latency.recordValue(Math.min(HIGHEST_LATENCY_NANOS, Math.max(0, receivedNanos - intended)));
                }
            }
            received.incrementAndGet();
        }

        long received() {
            return received.get();
        }

        synchronized void addTo(Histogram total) {
            total.add(latency);
        }
    }
}
