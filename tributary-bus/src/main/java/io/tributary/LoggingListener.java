package io.tributary;

import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SubscriptionListener#logging()}. Never logs event data. */
final class LoggingListener implements SubscriptionListener {

    static final LoggingListener INSTANCE = new LoggingListener();
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionListener.class);

    private LoggingListener() {
    }

    @Override
    public void registered(Subscription subscription, Set<TopicPartition> partitions) {
        LOG.info("{} runs with partitions {}", describe(subscription), sorted(partitions));
    }

    @Override
    public void partitionsAssigned(Subscription subscription, Set<TopicPartition> partitions) {
        if (subscription.group() != null && !partitions.isEmpty()) {
            LOG.info("{} takes partitions {}", describe(subscription), sorted(partitions));
        }
    }

    @Override
    public void partitionsRevoked(Subscription subscription, Set<TopicPartition> partitions, boolean lost) {
        if (lost) {
            LOG.warn("{} lost partitions {}: the group no longer knew this member (session timed out?); their events"
                    + " in hand were not committed and will be handled again by their new owner", describe(subscription),
                    sorted(partitions));
        } else if (subscription.group() != null && !partitions.isEmpty()) {
            LOG.info("{} gives up partitions {}", describe(subscription), sorted(partitions));
        }
    }

    /** Processed events are logged at DEBUG only; with DEBUG off (as read when the subscription starts) not timed. */
    @Override
    public boolean observesProcessedEvents() {
        return LOG.isDebugEnabled();
    }

    @Override
    public void eventProcessed(Subscription subscription, Event event, EventPosition position, Duration took) {
        LOG.debug("{} handled {} {} at {} in {} µs", describe(subscription), event.type(), event.id(), position,
                took.toNanos() / 1_000);
    }

    @Override
    public void attemptFailed(Subscription subscription, Event event, EventPosition position, Throwable error,
            int attempt, @Nullable Duration retryIn) {
        LOG.warn("{}: attempt {} of event {} ({} v{}) at {} failed: {}{}", describe(subscription), attempt, event.id(),
                event.type(), event.version(), position, error.toString(),
                retryIn == null ? "; no attempts left" : "; retrying in " + retryIn.toMillis() + " ms");
    }

    @Override
    public void deadLettered(Subscription subscription, Event event, EventPosition position, Throwable error,
            EventPosition deadLetter) {
        LOG.info("{}: event {} ({} v{}) at {} dead-lettered to {} after {} attempts; last error: {}",
                describe(subscription), event.id(), event.type(), event.version(), position, deadLetter,
                subscription.retry().attempts(), error.toString());
    }

    @Override
    public String toString() {
        return "SubscriptionListener.logging()";
    }

    private static String describe(Subscription subscription) {
        return subscription.group() == null ? "subscription to " + subscription.topics()
                : "group " + subscription.group() + " on " + subscription.topics();
    }

    private static String sorted(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList().toString();
    }
}
