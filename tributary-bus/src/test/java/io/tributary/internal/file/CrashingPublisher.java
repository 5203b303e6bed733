package io.tributary.internal.file;

import io.tributary.Bus;
import io.tributary.BusOptions;
import io.tributary.Tributary;
import io.tributary.event.Event;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The child process of {@link FileBusCrashTest}: publishes to a {@code file:} bus until it is killed and
 * prints one line per publish that completed, {@code acked <data> <partition> <offset> .}, flushed at
 * once (the dot tells a whole line from one cut short by the kill). Each of {@link #PUBLISHERS} threads publishes events with data {@code <thread>:<sequence>} and key
 * {@code <thread>-<sequence % 4>}, keeping up to {@link #WINDOW} publishes outstanding.
 *
 * <p>Arguments: the directory, the topic. Exits by itself after {@link #MAX_SECONDS} in case nobody kills it.
 */
public final class CrashingPublisher {

    static final int PUBLISHERS = 2;
    static final int PARTITIONS = 2;
    static final int WINDOW = 256;
    static final int MAX_SECONDS = 120;

    private CrashingPublisher() {
    }

    public static void main(String[] args) throws Exception {
        String directory = args[0];
        String topic = args[1];
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Bus bus = Tributary.open("file:" + directory, BusOptions.defaults().withPartitions(PARTITIONS));
        List<Thread> publishers = new ArrayList<>();
        for (int t = 0; t < PUBLISHERS; t++) {
            int thread = t;
            publishers.add(Thread.ofPlatform().start(() -> publish(bus, topic, thread, out)));
        }
        out.println("started");
        out.flush();
        Thread.sleep(MAX_SECONDS * 1000L);
        System.exit(2);
    }

    private static void publish(Bus bus, String topic, int thread, PrintStream out) {
        Semaphore window = new Semaphore(WINDOW);
        for (int sequence = 0; ; sequence++) {
            window.acquireUninterruptibly();
            String data = thread + ":" + sequence;
            Event event = Event.builder("crash.tick").key(thread + "-" + (sequence % 4))
                    .data(data.getBytes(StandardCharsets.UTF_8)).build();
            bus.publish(topic, event).whenComplete((position, error) -> {
                window.release();
                if (error == null) {
                    synchronized (out) {
                        out.println("acked " + data + " " + position.partition() + " " + position.offset() + " .");
                        out.flush();
                    }
                }
            });
        }
    }
}
