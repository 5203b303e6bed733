package io.tributary.internal;

import io.tributary.Bus;
import io.tributary.BusClosedException;
import io.tributary.BusOptions;
import io.tributary.ConsumerGroups;
import io.tributary.DeadLetterQueue;
import io.tributary.EventHandler;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.api.TopicName;
import io.tributary.event.Event;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;

/**
 * The one {@link Bus}: subscriptions (plain ones as {@link SubscriptionRun}, group members as
 * {@link GroupMember}), their feeds and the worker pool, over any {@link Transport}.
 */
public final class TransportBus implements Bus {

    private final String url;
    private final Transport transport;
    private final BusOptions options;
    private final WorkerPool workers;
    private final InstantSource clock;
    /** Jitter of retry delays; {@link Random} is safe to share between the workers. */
    private final RandomGenerator random = new Random();
    private final Set<SubscriptionHandle> subscriptions = ConcurrentHashMap.newKeySet();
    /**
     * Topic names already validated, so that a publish checks its topic with a hash lookup instead of
     * {@link TopicName}'s regular expression (which cost more than the whole {@code mem:} append).
     * Bounded: past {@value #MAX_VALIDATED_TOPICS} names, new ones are validated on every publish.
     */
    private final Set<String> validTopics = ConcurrentHashMap.newKeySet();
    static final int MAX_VALIDATED_TOPICS = 1024;
    private volatile boolean closed;
    /** Completes when the first {@link #close()} finished. */
    private final CompletableFuture<Void> closeDone = new CompletableFuture<>();

    public TransportBus(String url, Transport transport, BusOptions options) {
        this(url, transport, options, InstantSource.system());
    }

    TransportBus(String url, Transport transport, BusOptions options, InstantSource clock) {
        this.url = url;
        this.transport = transport;
        this.options = options;
        this.clock = clock;
        this.workers = new WorkerPool("tributary-worker", options.workers());
    }

    @Override
    public CompletableFuture<EventPosition> publish(String topic, Event event) {
        if (closed) { // not requireOpen: its message would be concatenated on every publish
            throw closedException("publish to " + topic);
        }
        requireValidTopic(topic);
        return transport.append(topic, Objects.requireNonNull(event, "event"));
    }

    @Override
    public SubscriptionHandle subscribe(Subscription subscription, EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        requireOpen("subscribe to " + subscription.topics());
        SubscriptionHandle[] self = new SubscriptionHandle[1];
        Runnable onClose = () -> {
            if (self[0] != null) {
                subscriptions.remove(self[0]);
            }
        };
        SubscriptionHandle run;
        if (subscription.group() == null) {
            EventProcessing processing = new EventProcessing(subscription, handler, null, clock, random);
            run = SubscriptionRun.start(subscription, processing, transport, workers, options.closeTimeout(), onClose);
        } else {
            EventProcessing processing = new EventProcessing(subscription, handler,
                    new DeadLetterWriter(transport, subscription), clock, random);
            run = GroupMember.start(subscription, processing, transport, workers, options.closeTimeout(), onClose);
        }
        self[0] = run;
        subscriptions.add(run);
        if (closed) { // closed while starting: make sure it does not outlive the bus
            run.close();
            throw new BusClosedException("the bus " + url + " was closed while subscribing to " + subscription.topics());
        }
        return run;
    }

    @Override
    public String defaultTopic() {
        return options.defaultTopic();
    }

    @Override
    public ConsumerGroups groups() {
        requireOpen("administer consumer groups");
        return new TransportConsumerGroups(transport.groups());
    }

    @Override
    public DeadLetterQueue deadLetters(String deadLetterTopic) {
        requireOpen("read dead letters of " + deadLetterTopic);
        return new TransportDeadLetterQueue(transport, deadLetterTopic);
    }

    /**
     * Closes every subscription (group members give their partitions up, commit and leave), lets the workers
     * finish, then closes the transport, within the close timeout. A second call waits for the first. Called
     * from a handler or listener (a thread of the bus), it starts all that on a thread of its own and returns at
     * once: the handler's own event must finish before its partition can be given up.
     */
    @Override
    public void close() {
        boolean first;
        synchronized (this) {
            first = !closed;
            closed = true;
        }
        if (first && BusThreads.isCurrent()) {
            Thread.ofVirtual().name("tributary-bus-close").start(this::closeNow);
        } else if (first) {
            closeNow();
        } else if (!BusThreads.isCurrent()) {
            try {
                closeDone.get(options.closeTimeout().plusSeconds(10).toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the first close logged what it still waits for
            }
        }
    }

    private void closeNow() {
        try {
            long deadline = System.nanoTime() + options.closeTimeout().toNanos();
            closeAll(List.copyOf(subscriptions), deadline);
            workers.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            transport.close();
        } finally {
            closeDone.complete(null);
        }
    }

    @Override
    public String toString() {
        return "Bus[" + url + (closed ? ", closed" : "") + "]";
    }

    /**
     * Closes the subscriptions in parallel, since each group member may take up to the close timeout to give
     * its partitions up, waiting for them until {@code deadline} ({@link System#nanoTime()}).
     */
    private void closeAll(List<SubscriptionHandle> handles, long deadline) {
        if (handles.size() == 1) {
            handles.getFirst().close();
            return;
        }
        List<Thread> closing = handles.stream()
                .map(handle -> Thread.ofVirtual().name("tributary-close").start(handle::close)).toList();
        for (Thread thread : closing) {
            try {
                if (!thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    return; // each logged what it still waits for
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void requireValidTopic(String topic) {
        if (topic == null || !validTopics.contains(topic)) {
            TopicName.of(topic); // throws for an invalid name
            if (validTopics.size() < MAX_VALIDATED_TOPICS) {
                validTopics.add(topic);
            }
        }
    }

    private void requireOpen(String action) {
        if (closed) {
            throw closedException(action);
        }
    }

    private BusClosedException closedException(String action) {
        return new BusClosedException("cannot " + action + ": the bus " + url + " is closed");
    }
}
