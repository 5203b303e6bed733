package io.tributary.bench.bus;

import com.google.common.eventbus.AsyncEventBus;
import com.google.common.eventbus.Subscribe;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.LiteBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import io.tributary.Bus;
import io.tributary.Subscription;
import io.tributary.Tributary;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One publisher, one subscriber, in one process: how many 100-byte events a second Tributary's
 * {@code mem:} bus hands from {@code publish} to a handler, next to Guava's {@link AsyncEventBus} (what
 * the issue must beat by 2×) and an LMAX Disruptor (the ceiling for a hand-off between two threads that
 * block rather than spin).
 *
 * <p><b>One invocation</b> publishes {@value #EVENTS} events from the benchmark thread and then waits,
 * on a latch, until the subscriber has handled every one of them; {@link OperationsPerInvocation} makes
 * the score events/s. The time therefore covers publish, hand-off and handling of the whole batch, not
 * just how fast a publisher can enqueue. {@value #EVENTS} is four times the default in-memory partition
 * capacity (65,536), so the publisher regularly catches up with the subscriber and the bounded ring's
 * waiting is part of the steady state measured; the Disruptor gets a ring of the same size. Guava's
 * executor queue is unbounded (as {@code Executors.newSingleThreadExecutor} makes it): it never waits.
 *
 * <p><b>The event.</b> {@value #DISTINCT_EVENTS} events with 100 bytes of data each are built once per
 * trial and published in turn, to all three: {@link #tributary}, {@link #guava} and {@link #disruptor}
 * measure the bus, not the building of the event. {@link #tributaryBuildingEvents} builds a new
 * {@link Event} per publish ({@code Event.builder(type).data(bytes).build()}: a UUIDv7 id, a
 * timestamp, validation), which is what an application pays per event; the difference between the two is
 * the event model's cost, not the bus's.
 *
 * <p><b>The returned future.</b> {@code publish} returns a completed {@code CompletableFuture} of an
 * {@code EventPosition} per event. {@link #tributary} drops it, as fire-and-forget code does, and the JIT
 * then may not allocate it at all (escape analysis); {@link #tributaryKeepingPositions} hands every future
 * to a {@link Blackhole}, so both objects are allocated: the price of code that looks at its futures.
 *
 * <p><b>Threads.</b> No thread spins. Tributary: the benchmark thread publishes, a feed (virtual)
 * thread reads the partition and hands batches to a worker (platform) thread that runs the handler.
 * Guava: the benchmark thread posts, a single-thread executor runs the {@link Subscribe} method. The
 * Disruptor: a single producer and one {@link BatchEventProcessor} on its own thread, with a blocking
 * wait strategy ({@code BlockingWaitStrategy}, the library's default, or the {@code Lite} variant that
 * signals only when the processor sleeps); a producer that finds the ring full parks for a nanosecond at
 * a time, which on Linux is a ~50 µs sleep, not a spin.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@OperationsPerInvocation(InProcessDispatchBenchmark.EVENTS)
public class InProcessDispatchBenchmark {

    /** Events per invocation: four times the default {@code mem:} partition capacity. */
    static final int EVENTS = 1 << 18;
    static final int DATA_BYTES = 100;
    static final int DISTINCT_EVENTS = 1024;
    static final int RING_SIZE = 65_536;
    static final String TOPIC = "bench-dispatch";
    static final String TYPE = "bench.dispatched";
    /** Longest an invocation may wait for its subscriber; far above any rate measured, so only a lost event trips it. */
    static final Duration STALL = Duration.ofSeconds(30);

    /** Pre-built events and their data, shared by every variant. */
    @State(Scope.Benchmark)
    public static class Events {

        final byte[][] data = new byte[DISTINCT_EVENTS][];
        final Event[] events = new Event[DISTINCT_EVENTS];

        @Setup(Level.Trial)
        public void build() {
            for (int i = 0; i < DISTINCT_EVENTS; i++) {
                data[i] = new byte[DATA_BYTES];
                Arrays.fill(data[i], (byte) ('a' + i % 26));
                events[i] = Event.builder(TYPE).data(data[i]).build();
            }
        }
    }

    /**
     * Counts handled events on the subscriber's thread and opens a latch when the invocation's last one
     * arrives. The benchmark thread raises {@link #target} before it publishes; the bus's own hand-off
     * makes the write visible to the subscriber before the first event of the invocation.
     */
    public static final class Arrivals {

        private long handled; // the subscriber's thread only
        private volatile long target;
        private volatile CountDownLatch done = new CountDownLatch(0);

        /** Called on the subscriber's thread, once per event. */
        void arrived() {
            if (++handled == target) {
                done.countDown();
            }
        }

        /** Benchmark thread: expect {@code count} more events. */
        void expect(int count) {
            done = new CountDownLatch(1);
            target += count;
        }

        /** Benchmark thread: wait until every expected event was handled. */
        void await(String bus) throws InterruptedException, TimeoutException {
            if (!done.await(STALL.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new TimeoutException(bus + ": the subscriber handled " + handled + " of " + target
                        + " events within " + STALL + "; an event was lost or the subscriber is stuck");
            }
        }
    }

    /** {@code Tributary.open("mem:")} with its defaults and one subscription to {@value #TOPIC}. */
    @State(Scope.Benchmark)
    public static class TributaryMem {

        final Arrivals arrivals = new Arrivals();
        Bus bus;

        @Setup(Level.Trial)
        public void open() {
            bus = Tributary.open("mem:");
            bus.subscribe(Subscription.to(TOPIC), event -> arrivals.arrived());
        }

        @TearDown(Level.Trial)
        public void close() {
            bus.close();
        }
    }

    /**
     * The same, but the subscription is the one member of a consumer group: it commits its position after
     * every batch, through the bus's own coordinator (issue 5's groups; the difference to {@link TributaryMem}
     * is what a group costs per event in memory).
     */
    @State(Scope.Benchmark)
    public static class TributaryMemGroup {

        final Arrivals arrivals = new Arrivals();
        Bus bus;

        @Setup(Level.Trial)
        public void open() {
            bus = Tributary.open("mem:");
            bus.subscribe(Subscription.to(TOPIC).group("bench"), event -> arrivals.arrived());
        }

        @TearDown(Level.Trial)
        public void close() {
            bus.close();
        }
    }

    /** Guava's {@link AsyncEventBus} on a single-thread executor, one registered subscriber. */
    @State(Scope.Benchmark)
    public static class GuavaAsync {

        final Arrivals arrivals = new Arrivals();
        ExecutorService executor;
        AsyncEventBus bus;

        @Setup(Level.Trial)
        public void open() {
            executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "guava-subscriber"));
            bus = new AsyncEventBus("bench", executor);
            bus.register(new GuavaSubscriber(arrivals));
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Guava's executor did not stop within 10 s");
            }
        }
    }

    /** A Guava subscriber as an application writes one. Public: Guava finds the method by reflection. */
    public static final class GuavaSubscriber {
        private final Arrivals arrivals;

        GuavaSubscriber(Arrivals arrivals) {
            this.arrivals = arrivals;
        }

        @Subscribe
        public void on(Event event) {
            arrivals.arrived();
        }
    }

    /** A single-producer ring of {@value #RING_SIZE} slots and one {@link BatchEventProcessor}. */
    @State(Scope.Benchmark)
    public static class DisruptorRing {

        /** {@code blocking}: {@link BlockingWaitStrategy} (signals on every publish); {@code lite}: {@link LiteBlockingWaitStrategy}. */
        @Param({"blocking", "lite"})
        public String waitStrategy;

        final Arrivals arrivals = new Arrivals();
        RingBuffer<Slot> ring;
        BatchEventProcessor<Slot> processor;
        Thread thread;

        @Setup(Level.Trial)
        public void open() {
            WaitStrategy strategy = switch (waitStrategy) {
                case "blocking" -> new BlockingWaitStrategy();
                case "lite" -> new LiteBlockingWaitStrategy();
                default -> throw new IllegalArgumentException("waitStrategy " + waitStrategy + " is not blocking or lite");
            };
            ring = RingBuffer.createSingleProducer(Slot::new, RING_SIZE, strategy);
            processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
                    (slot, sequence, endOfBatch) -> arrivals.arrived());
            ring.addGatingSequences(processor.getSequence());
            thread = Thread.ofPlatform().name("disruptor-processor").start(processor);
        }

        @TearDown(Level.Trial)
        public void close() throws InterruptedException {
            processor.halt();
            if (!thread.join(Duration.ofSeconds(10))) {
                throw new IllegalStateException("the Disruptor's processor did not stop within 10 s");
            }
        }
    }

    /** A ring slot; the producer stores the event's reference in it, as an application would. */
    static final class Slot {
        @Nullable Event event;
    }

    @Benchmark
    public void tributary(TributaryMem tributary, Events events) throws Exception {
        Event[] prebuilt = events.events;
        tributary.arrivals.expect(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            tributary.bus.publish(TOPIC, prebuilt[i & (DISTINCT_EVENTS - 1)]);
        }
        tributary.arrivals.await("Tributary mem:");
    }

    @Benchmark
    public void tributaryKeepingPositions(TributaryMem tributary, Events events, Blackhole blackhole) throws Exception {
        Event[] prebuilt = events.events;
        tributary.arrivals.expect(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            blackhole.consume(tributary.bus.publish(TOPIC, prebuilt[i & (DISTINCT_EVENTS - 1)]));
        }
        tributary.arrivals.await("Tributary mem: (keeping positions)");
    }

    @Benchmark
    public void tributaryBuildingEvents(TributaryMem tributary, Events events) throws Exception {
        byte[][] data = events.data;
        tributary.arrivals.expect(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            tributary.bus.publish(TOPIC, Event.builder(TYPE).data(data[i & (DISTINCT_EVENTS - 1)]).build());
        }
        tributary.arrivals.await("Tributary mem: (building events)");
    }

    @Benchmark
    public void tributaryGroup(TributaryMemGroup tributary, Events events) throws Exception {
        Event[] prebuilt = events.events;
        tributary.arrivals.expect(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            tributary.bus.publish(TOPIC, prebuilt[i & (DISTINCT_EVENTS - 1)]);
        }
        tributary.arrivals.await("Tributary mem: (consumer group)");
    }

    @Benchmark
    public void guava(GuavaAsync guava, Events events) throws Exception {
        Event[] prebuilt = events.events;
        guava.arrivals.expect(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            guava.bus.post(prebuilt[i & (DISTINCT_EVENTS - 1)]);
        }
        guava.arrivals.await("Guava AsyncEventBus");
    }

    @Benchmark
    public void disruptor(DisruptorRing disruptor, Events events) throws Exception {
        Event[] prebuilt = events.events;
        RingBuffer<Slot> ring = disruptor.ring;
        disruptor.arrivals.expect(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            long sequence = ring.next();
            ring.get(sequence).event = prebuilt[i & (DISTINCT_EVENTS - 1)];
            ring.publish(sequence);
        }
        disruptor.arrivals.await("Disruptor");
    }
}
