package io.tributary.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionListener;
import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Counts and times what the {@linkplain SubscriptionListener hooks} report, in a Micrometer registry:
 *
 * <table>
 * <caption>Meters (Prometheus names in brackets)</caption>
 * <tr><th>Meter</th><th>Type</th><th>Tags</th></tr>
 * <tr><td>{@value #PROCESSED} ({@code tributary_events_processed_seconds})</td><td>timer: handler
 *     duration of each event handled</td><td>topic, group</td></tr>
 * <tr><td>{@value #FAILED_ATTEMPTS} ({@code tributary_events_failed_attempts_total})</td><td>counter</td>
 *     <td>topic, group, exception (simple class name)</td></tr>
 * <tr><td>{@value #DEAD_LETTERED} ({@code tributary_events_dead_lettered_total})</td><td>counter</td>
 *     <td>topic, group</td></tr>
 * <tr><td>{@value #PARTITIONS} ({@code tributary_subscription_partitions})</td><td>gauge: partitions held
 *     now</td><td>group</td></tr>
 * <tr><td>{@value #LOST} ({@code tributary_subscription_partitions_lost_total})</td><td>counter: partitions
 *     lost because the group no longer knew the member</td><td>group</td></tr>
 * </table>
 *
 * <p>Tags stay bounded: topics and groups are few, event ids and keys are never tags. A subscription without
 * a group is tagged {@code group=none}. Chain it after the logging default:
 * {@code Subscription.to("orders").listener(SubscriptionListener.logging().andThen(new MicrometerListener(registry)))}.
 * Thread-safe; one instance may serve many subscriptions.
 */
public final class MicrometerListener implements SubscriptionListener {

    public static final String PROCESSED = "tributary.events.processed";
    public static final String FAILED_ATTEMPTS = "tributary.events.failed.attempts";
    public static final String DEAD_LETTERED = "tributary.events.dead.lettered";
    public static final String PARTITIONS = "tributary.subscription.partitions";
    public static final String LOST = "tributary.subscription.partitions.lost";
    private static final String NO_GROUP = "none";

    private record Key(String topic, String group) {
    }

    private final MeterRegistry registry;
    /** Meters by topic and group, so that a handled event costs a map lookup, not a meter builder. */
    private final Map<Key, Timer> processed = new ConcurrentHashMap<>();
    private final Map<Key, Counter> deadLettered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> partitions = new ConcurrentHashMap<>();

    public MicrometerListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void partitionsAssigned(Subscription subscription, Set<TopicPartition> assigned) {
        held(subscription).addAndGet(assigned.size());
    }

    @Override
    public void partitionsRevoked(Subscription subscription, Set<TopicPartition> revoked, boolean lost) {
        held(subscription).addAndGet(-revoked.size());
        if (lost) {
            registry.counter(LOST, Tags.of("group", group(subscription))).increment(revoked.size());
        }
    }

    @Override
    public void eventProcessed(Subscription subscription, Event event, EventPosition position, Duration took) {
        processed.computeIfAbsent(new Key(position.topic(), group(subscription)), key -> Timer.builder(PROCESSED)
                .description("time the handler took for each event it finished").tags(tags(key))
                .register(registry)).record(took);
    }

    @Override
    public void attemptFailed(Subscription subscription, Event event, EventPosition position, Throwable error,
            int attempt, @Nullable Duration retryIn) {
        registry.counter(FAILED_ATTEMPTS, tags(new Key(position.topic(), group(subscription)))
                .and("exception", error.getClass().getSimpleName())).increment();
    }

    @Override
    public void deadLettered(Subscription subscription, Event event, EventPosition position, Throwable error,
            EventPosition deadLetter) {
        deadLettered.computeIfAbsent(new Key(position.topic(), group(subscription)), key -> Counter.builder(DEAD_LETTERED)
                .description("events a group gave up on and wrote to its dead-letter topic").tags(tags(key))
                .register(registry)).increment();
    }

    @Override
    public String toString() {
        return "MicrometerListener[" + registry.getClass().getSimpleName() + "]";
    }

    private AtomicInteger held(Subscription subscription) {
        return partitions.computeIfAbsent(group(subscription), group -> registry.gauge(PARTITIONS,
                Tags.of("group", group), new AtomicInteger()));
    }

    private static Tags tags(Key key) {
        return Tags.of("topic", key.topic(), "group", key.group());
    }

    private static String group(Subscription subscription) {
        return subscription.group() == null ? NO_GROUP : subscription.group();
    }
}
