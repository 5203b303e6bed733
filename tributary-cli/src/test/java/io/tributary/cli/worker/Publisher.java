package io.tributary.cli.worker;

import io.tributary.Bus;
import io.tributary.EventPosition;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes keyed events from the test JVM on a thread of its own, in chunks with a pause between them, so that
 * workers handle while it publishes; remembers where each event was committed.
 */
final class Publisher implements AutoCloseable {

    private final Bus bus;
    private final String topic;
    private final int keys;
    private final Map<String, EventPosition> published = new ConcurrentHashMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;
    private Thread thread;

    Publisher(Bus bus, String topic, int keys) {
        this.bus = bus;
        this.topic = topic;
        this.keys = keys;
    }

    /** Publishes {@code count} events in chunks of {@code chunk}, waiting for each chunk's commits, then {@code pause}. */
    Publisher startPublishing(int count, int chunk, Duration pause) {
        thread = Thread.ofPlatform().name("test-publisher").start(() -> {
            try {
                for (int sent = 0; sent < count && running; ) {
                    List<CompletableFuture<EventPosition>> futures = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < chunk && sent < count; i++, sent++) {
                        Event event = Event.builder("work.item").key("key-" + (sent % keys)).data(sent).build();
                        ids.add(event.id());
                        futures.add(bus.publish(topic, event));
                    }
                    for (int i = 0; i < futures.size(); i++) {
                        published.put(ids.get(i), futures.get(i).get(30, TimeUnit.SECONDS));
                    }
                    Thread.sleep(pause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        return this;
    }

    /** Events committed so far: id to position. */
    Map<String, EventPosition> published() {
        return Map.copyOf(published);
    }

    int count() {
        return published.size();
    }

    /** Waits until every event was published; rethrows a publish failure. */
    Map<String, EventPosition> awaitDone(Duration bound) throws InterruptedException {
        if (!thread.join(bound)) {
            throw new AssertionError("publishing did not end within " + bound + "; published " + published.size());
        }
        if (failure.get() != null) {
            throw new AssertionError("a publish failed", failure.get());
        }
        return published();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30));
        }
    }
}
