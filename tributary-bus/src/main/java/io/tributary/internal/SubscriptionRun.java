package io.tributary.internal;

import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.SubscriptionListener;
import io.tributary.api.TopicPartition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A subscription without a group at work: one {@link PartitionFeed} per partition of each of its topics. */
final class SubscriptionRun implements SubscriptionHandle {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRun.class);

    private final Subscription subscription;
    private final Duration closeTimeout;
    private final Runnable onClose;
    private final List<PartitionFeed> feeds;
    private volatile boolean open = true;

    private SubscriptionRun(Subscription subscription, List<PartitionFeed> feeds, Duration closeTimeout,
            Runnable onClose) {
        this.subscription = subscription;
        this.feeds = feeds;
        this.closeTimeout = closeTimeout;
        this.onClose = onClose;
    }

    /**
     * Opens a reader of every partition of every topic (so nothing published after this is missed), tells the
     * listener, then starts the feeds.
     */
    static SubscriptionRun start(Subscription subscription, EventProcessing processing, Transport transport,
            WorkerPool workers, Duration closeTimeout, Runnable onClose) {
        List<PartitionFeed> feeds = new ArrayList<>();
        try {
            for (String topic : subscription.topics()) {
                int partitions = transport.partitions(topic);
                for (int partition = 0; partition < partitions; partition++) {
                    feeds.add(new PartitionFeed(TopicPartition.of(topic, partition),
                            transport.reader(topic, partition, subscription.start()), processing, workers, next -> { }));
                }
            }
        } catch (RuntimeException e) {
            feeds.forEach(PartitionFeed::discard);
            throw e;
        }
        SubscriptionRun run = new SubscriptionRun(subscription, feeds, closeTimeout, onClose);
        Set<TopicPartition> partitions = run.partitions();
        SubscriptionListener listener = subscription.listener();
        EventProcessing.guard(subscription, "listener (registered)", () -> listener.registered(subscription, partitions));
        EventProcessing.guard(subscription, "listener (partitionsAssigned)",
                () -> listener.partitionsAssigned(subscription, partitions));
        feeds.forEach(PartitionFeed::start);
        return run;
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        feeds.forEach(PartitionFeed::stop);
        if (!BusThreads.isCurrent()) { // a handler closing its own subscription must not wait for itself
            long deadline = System.nanoTime() + closeTimeout.toNanos();
            try {
                for (PartitionFeed feed : feeds) {
                    feed.stopped().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                LOG.warn("a handler of the subscription to {} still runs after {}; not waiting for it",
                        subscription.topics(), closeTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("a feed cannot fail", e);
            }
        }
        SubscriptionListener listener = subscription.listener();
        Set<TopicPartition> partitions = partitions();
        EventProcessing.guard(subscription, "listener (partitionsRevoked)",
                () -> listener.partitionsRevoked(subscription, partitions, false));
        onClose.run();
    }

    private Set<TopicPartition> partitions() {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        feeds.forEach(feed -> partitions.add(feed.id()));
        return partitions;
    }

    @Override
    public String toString() {
        return "Subscription" + subscription.topics() + (open ? "" : " (closed)");
    }
}
