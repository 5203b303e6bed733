package io.tributary.internal;

import io.tributary.EventHandler;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A subscription at work: one {@link PartitionFeed} per partition of each of its topics. */
final class SubscriptionRun implements SubscriptionHandle {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRun.class);

    private final Subscription subscription;
    private final WorkerPool workers;
    private final Duration closeTimeout;
    private final Runnable onClose;
    private final List<Thread> feeds = new ArrayList<>();
    private volatile boolean open = true;

    private SubscriptionRun(Subscription subscription, WorkerPool workers, Duration closeTimeout, Runnable onClose) {
        this.subscription = subscription;
        this.workers = workers;
        this.closeTimeout = closeTimeout;
        this.onClose = onClose;
    }

    /** Opens a reader of every partition of every topic (so nothing published after this is missed), then starts the feeds. */
    static SubscriptionRun start(Subscription subscription, EventHandler handler, Transport transport, WorkerPool workers,
            Duration closeTimeout, Runnable onClose) {
        SubscriptionRun run = new SubscriptionRun(subscription, workers, closeTimeout, onClose);
        List<PartitionFeed> feeds = new ArrayList<>();
        try {
            for (String topic : subscription.topics()) {
                int partitions = transport.partitions(topic);
                for (int partition = 0; partition < partitions; partition++) {
                    feeds.add(new PartitionFeed(run, topic, partition,
                            transport.reader(topic, partition, subscription.start()), handler));
                }
            }
        } catch (RuntimeException e) {
            run.open = false;
            throw e;
        }
        for (int i = 0; i < feeds.size(); i++) {
            run.feeds.add(Thread.ofVirtual().name("tributary-feed-" + i).start(feeds.get(i)));
        }
        return run;
    }

    @Override
    public Subscription subscription() {
        return subscription;
    }

    boolean isOpen() {
        return open;
    }

    WorkerPool workers() {
        return workers;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        feeds.forEach(Thread::interrupt);
        if (!workers.isWorkerThread()) { // a handler closing its own subscription must not wait for itself
            long deadline = System.nanoTime() + closeTimeout.toNanos();
            try {
                for (Thread feed : feeds) {
                    if (!feed.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                        LOG.warn("a handler of the subscription to {} still runs after {}; not waiting for it",
                                subscription.topics(), closeTimeout);
                        break;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        onClose.run();
    }

    @Override
    public String toString() {
        return "Subscription" + subscription.topics() + (open ? "" : " (closed)");
    }
}
