package io.tributary.internal;

import io.tributary.Bus;
import io.tributary.BusClosedException;
import io.tributary.BusOptions;
import io.tributary.EventHandler;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.api.TopicName;
import io.tributary.event.Event;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/** The one {@link Bus}: subscriptions, feeds and the worker pool over any {@link Transport}. */
public final class TransportBus implements Bus {

    private final String url;
    private final Transport transport;
    private final BusOptions options;
    private final WorkerPool workers;
    private final Set<SubscriptionRun> subscriptions = ConcurrentHashMap.newKeySet();
    /**
     * Topic names already validated, so that a publish checks its topic with a hash lookup instead of
     * {@link TopicName}'s regular expression (which cost more than the whole {@code mem:} append).
     * Bounded: past {@value #MAX_VALIDATED_TOPICS} names, new ones are validated on every publish.
     */
    private final Set<String> validTopics = ConcurrentHashMap.newKeySet();
    static final int MAX_VALIDATED_TOPICS = 1024;
    private volatile boolean closed;

    public TransportBus(String url, Transport transport, BusOptions options) {
        this.url = url;
        this.transport = transport;
        this.options = options;
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
        if (subscription.group() != null) {
            throw new UnsupportedOperationException("subscription to " + subscription.topics() + " names group '"
                    + subscription.group() + "', but consumer groups are not available in this version yet;"
                    + " leave the group out: every subscription then receives every event");
        }
        SubscriptionRun[] self = new SubscriptionRun[1];
        SubscriptionRun run = SubscriptionRun.start(subscription, handler, transport, workers, options.closeTimeout(),
                () -> subscriptions.remove(self[0]));
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
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List.copyOf(subscriptions).forEach(SubscriptionRun::close);
        workers.close(options.closeTimeout());
        transport.close();
    }

    @Override
    public String toString() {
        return "Bus[" + url + (closed ? ", closed" : "") + "]";
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
