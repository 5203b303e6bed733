package io.tributary;

import io.tributary.api.TopicPartition;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A listener that keeps what it was told, in order, as lines ({@code assigned [t-0]}, {@code failed e1 attempt
 * 2 retry}, {@code dead e1 -> t.g.dlq/0@0}), and the partitions its subscription holds now; tests wait on it
 * without sleeping.
 */
final class RecordingListener implements SubscriptionListener {

    private final List<String> calls = new ArrayList<>();
    private final Set<TopicPartition> held = new LinkedHashSet<>();

    @Override
    public synchronized void registered(Subscription subscription, Set<TopicPartition> partitions) {
        record("registered " + sorted(partitions));
    }

    @Override
    public synchronized void partitionsAssigned(Subscription subscription, Set<TopicPartition> partitions) {
        held.addAll(partitions);
        record("assigned " + sorted(partitions));
    }

    @Override
    public synchronized void partitionsRevoked(Subscription subscription, Set<TopicPartition> partitions, boolean lost) {
        held.removeAll(partitions);
        record((lost ? "lost " : "revoked ") + sorted(partitions));
    }

    @Override
    public synchronized void eventProcessed(Subscription subscription, Event event, EventPosition position, Duration took) {
        record("processed " + event.id());
    }

    @Override
    public synchronized void attemptFailed(Subscription subscription, Event event, EventPosition position, Throwable error,
            int attempt, @Nullable Duration retryIn) {
        record("failed " + event.id() + " attempt " + attempt + (retryIn == null ? " last" : " retry"));
    }

    @Override
    public synchronized void deadLettered(Subscription subscription, Event event, EventPosition position, Throwable error,
            EventPosition deadLetter) {
        record("dead " + event.id() + " -> " + deadLetter);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized Set<TopicPartition> held() {
        return Set.copyOf(held);
    }

    /** Waits until the partitions held satisfy {@code condition}. */
    synchronized Set<TopicPartition> awaitHeld(Predicate<Set<TopicPartition>> condition, Duration timeout)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(held)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("the subscription holds " + held + " after " + timeout + "; calls: " + calls);
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
        return Set.copyOf(held);
    }

    /** Waits until {@code count} calls start with {@code prefix}. */
    synchronized void awaitCalls(String prefix, int count, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls.stream().filter(call -> call.startsWith(prefix)).count() < count) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException(count + " calls '" + prefix + "...' expected within " + timeout + "; calls: "
                        + calls);
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
    }

    /** Waits until some call starts with {@code prefix}. */
    synchronized void awaitCall(String prefix, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls.stream().noneMatch(call -> call.startsWith(prefix))) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new TimeoutException("no call '" + prefix + "...' within " + timeout + "; calls: " + calls);
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
    }

    private void record(String call) {
        calls.add(call);
        notifyAll();
    }

    private static List<String> sorted(Set<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).sorted().toList();
    }
}
