package io.tributary.test;

import io.tributary.Bus;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.api.config.ConfigKey;
import io.tributary.api.config.ConfigSource;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Records every event published through its {@linkplain #bus() bus}, and knows when that bus has
 * <em>settled</em>. Get one from {@link TributaryExtension} (a test parameter) or {@link #record(Bus)}, hand
 * {@link #bus()} to the code under test, and check what it emitted with
 * {@link TributaryAssertions#assertThat(EventRecorder)}.
 *
 * <p><b>What is recorded.</b> Each call of {@code publish} (and {@code emit}) on {@link #bus()}, by the test,
 * the code under test or a handler subscribed through that bus, in the order of the calls. An event counts
 * as <em>emitted</em> once its publish completed, i.e. it is committed; a publish that failed is kept for
 * failure messages but never counts. Events published to the same topics by other buses or processes are
 * not recorded.
 *
 * <p><b>Settled.</b> The bus has settled when no publish through it is in flight and every subscription
 * made through it has finished handling each recorded event it will be handed (its topics and type filter
 * match, and it was subscribed before the publish, or from a start position that reads the event). A handler
 * that publishes does so before it finishes, so a chain of reactions keeps the bus unsettled until its last
 * event was handled: once settled, nothing more is emitted unless the test, another thread or an event from
 * outside the recorder sets it going again. The members of a consumer group owe each event once, together:
 * whichever member is handed it settles it. This is what {@code emittedNothing()} and {@code times(n)} wait
 * for, and it needs no quiet period: on {@code mem:} it is exact. A subscription whose start is
 * {@code latest} and which is made while a publish is being called from another thread may or may not be
 * owed that event; subscribe before publishing concurrently.
 *
 * <p>Thread-safe: one lock guards the recorder's state; waiting methods wait on it with a deadline and never
 * poll.
 */
public final class EventRecorder {

    /** Longest the assertions wait for their expectation (and {@link #awaitSettled()} for the bus) by default. */
    public static final ConfigKey<Duration> TIMEOUT = ConfigKey.duration("tributary.test.timeout",
            Duration.ofSeconds(5), "longest an assertion of tributary-test waits for the events it expects");

    private final RecordingBus bus;
    private final List<Emission> emissions = new ArrayList<>();
    /** Emission index → the ledgers that owe it, until its publish completes (a failed publish is forgiven). */
    private final Map<Integer, List<OwedEvents>> owedBy = new HashMap<>();
    private final List<SubscriptionTracker> trackers = new ArrayList<>();
    private int inFlight;

    private EventRecorder(Bus bus) {
        this.bus = new RecordingBus(bus, this);
    }

    /**
     * A recorder of {@code bus}: publish and subscribe through {@link #bus()} from now on. Closing
     * {@link #bus()} closes {@code bus}.
     *
     * @return a new recorder, or the recorder of {@code bus} if it is already a recorder's bus
     */
    public static EventRecorder record(Bus bus) {
        return bus instanceof RecordingBus recording ? recording.recorder() : new EventRecorder(bus);
    }

    /** The bus to give to the code under test: the recorded bus, recording what is published through it. */
    public Bus bus() {
        return bus;
    }

    /** The events emitted so far (publish completed), in the order their publishes were called. */
    public synchronized List<Event> events() {
        return emissions.stream().filter(Emission::isCommitted).map(Emission::event).toList();
    }

    /** Waits until the bus has {@linkplain EventRecorder settled}, at most {@link #TIMEOUT}. */
    public void awaitSettled() {
        awaitSettled(defaultTimeout());
    }

    /**
     * Waits until the bus has {@linkplain EventRecorder settled}: no publish in flight, every recorded event
     * handled by the subscriptions that receive it.
     *
     * @throws AssertionError if it has not within {@code timeout}; the message names what is still pending
     */
    public void awaitSettled(Duration timeout) {
        long deadline = deadline(timeout);
        synchronized (this) {
            if (!await(this::settled, deadline)) {
                throw new AssertionError("the bus " + bus + " did not settle within "
                        + ConfigKey.formatDuration(timeout) + ": " + pendingWork());
            }
        }
    }

    @Override
    public synchronized String toString() {
        return "EventRecorder[" + emissions.size() + " publishes, " + inFlight + " in flight]";
    }

    // --- called by the recording bus and its subscriptions -----------------------------------------

    synchronized int publishing(String topic, Event event) {
        int index = emissions.size();
        emissions.add(Emission.inFlight(index, topic, event));
        inFlight++;
        Set<OwedEvents> owing = new LinkedHashSet<>(); // a group owes each event once, whichever member gets it
        for (SubscriptionTracker tracker : trackers) {
            if (tracker.covers(topic, event)) {
                owing.add(tracker.owed());
            }
        }
        owing.forEach(owed -> owed.owe(event));
        owedBy.put(index, new ArrayList<>(owing));
        return index;
    }

    synchronized void published(int index, @Nullable EventPosition position, @Nullable Throwable failure) {
        Emission emission = emissions.get(index);
        List<OwedEvents> owing = owedBy.remove(index);
        if (failure != null || position == null) {
            emissions.set(index, emission.failed(failure != null ? failure
                    : new IllegalStateException("publish completed without a position")));
            if (owing != null) {
                owing.forEach(owed -> owed.settle(emission.event()));
            }
        } else {
            emissions.set(index, emission.committed(position));
        }
        inFlight--;
        notifyAll();
    }

    /**
     * Starts tracking a subscription about to be made. A subscription without a group, or the first member
     * of a group, owes the recorded events its start position reads; a further member shares its group's
     * ledger.
     */
    synchronized SubscriptionTracker track(Subscription subscription) {
        String group = subscription.group();
        OwedEvents shared = group == null ? null : trackers.stream()
                .filter(tracker -> group.equals(tracker.subscription().group()))
                .map(SubscriptionTracker::owed).findFirst().orElse(null);
        OwedEvents owed = shared != null ? shared : new OwedEvents(SubscriptionTracker.describe(subscription));
        SubscriptionTracker tracker = new SubscriptionTracker(this, subscription, owed);
        if (shared == null) {
            for (Emission emission : emissions) {
                if (emission.failure() == null && tracker.covers(emission.topic(), emission.event())
                        && tracker.readsPast(emission)) {
                    owed.owe(emission.event());
                    if (emission.isInFlight()) {
                        owedBy.get(emission.index()).add(owed);
                    }
                }
            }
        }
        trackers.add(tracker);
        return tracker;
    }

    /** Stops tracking a closed subscription; what it owed is forgotten unless another member of its group remains. */
    synchronized void untrack(SubscriptionTracker tracker) {
        trackers.remove(tracker);
        notifyAll();
    }

    synchronized void handled(SubscriptionTracker tracker, Event event) {
        tracker.owed().settle(event);
        notifyAll();
    }

    synchronized void busClosed() {
        trackers.clear();
        notifyAll();
    }

    // --- for the assertions -------------------------------------------------------------------------

    /** How many publishes were called so far: what {@link #since} takes to see only later ones. */
    synchronized int mark() {
        return emissions.size();
    }

    /** The publishes from index {@code from} on, as they stand. Call with the lock held to judge them with {@link #settled()}. */
    synchronized List<Emission> since(int from) {
        return List.copyOf(emissions.subList(Math.min(from, emissions.size()), emissions.size()));
    }

    synchronized boolean settled() {
        return inFlight == 0 && trackers.stream().allMatch(tracker -> tracker.owed().isEmpty());
    }

    /** What keeps the bus from settling, for messages. */
    synchronized String pendingWork() {
        List<String> pending = new ArrayList<>();
        if (inFlight > 0) {
            pending.add(inFlight + " publish" + (inFlight == 1 ? "" : "es") + " in flight ("
                    + emissions.stream().filter(Emission::isInFlight).map(e -> e.event().type() + " to " + e.topic())
                            .collect(Collectors.joining(", ")) + ")");
        }
        trackers.stream().map(SubscriptionTracker::owed).distinct().filter(owed -> !owed.isEmpty())
                .forEach(owed -> pending.add(owed.describe()));
        return pending.isEmpty() ? "nothing pending" : String.join("; ", pending);
    }

    /**
     * Waits, with this recorder's lock held (released while waiting), until {@code condition} holds or the
     * deadline ({@link System#nanoTime()}) passes. Every change of the recorder's state wakes it.
     *
     * @return whether the condition holds
     */
    synchronized boolean await(BooleanSupplier condition, long deadline) {
        boolean interrupted = false;
        try {
            while (!condition.getAsBoolean()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                try {
                    wait(Math.max(1, remaining / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                    return condition.getAsBoolean();
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static long deadline(Duration timeout) {
        return System.nanoTime() + Math.max(0, timeout.toNanos());
    }

    static Duration defaultTimeout() {
        return TIMEOUT.resolve(key -> Optional.ofNullable(System.getProperty(key))
                .or(() -> ConfigSource.environment().get(key)));
    }
}
