package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An offset store whose stores complete only when the test says so, in any order: each call waits in a queue the
 * test takes from. Holds nothing at {@link #load()}. Thread-safe.
 */
final class HandCompletedOffsetStore implements OffsetStore {

    /** One call of {@link #store}, waiting for the test to complete it. */
    record Pending(String group, Map<TopicPartition, Long> offsets, CompletableFuture<Void> future) {

        void complete() {
            future.complete(null);
        }

        void fail(Exception failure) {
            future.completeExceptionally(failure);
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final BlockingQueue<Pending> calls = new LinkedBlockingQueue<>();

    @Override
    public Map<String, Map<TopicPartition, Long>> load() {
        return Map.of();
    }

    @Override
    public CompletableFuture<Void> store(String group, Map<TopicPartition, Long> offsets) {
        Pending pending = new Pending(group, Map.copyOf(offsets), new CompletableFuture<>());
        calls.add(pending);
        return pending.future();
    }

    /** The next call, in the order they were made; waits for it (at most five seconds). */
    Pending next() throws InterruptedException {
        Pending pending = calls.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (pending == null) {
            throw new AssertionError("no store call within " + WAIT);
        }
        return pending;
    }
}
