package io.tributary.group.coordinator;

import io.tributary.api.TopicPartition;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link InMemoryOffsetStore} the test can make fail: the next store either returns a failed future or throws,
 * and stores nothing. Thread-safe.
 */
final class FailingOffsetStore implements OffsetStore {

    private final InMemoryOffsetStore stored = new InMemoryOffsetStore();
    private volatile RuntimeException failNext;
    private volatile boolean throwIt;

    /** The next store completes exceptionally with {@code failure}. */
    void failNext(RuntimeException failure) {
        failNext = failure;
        throwIt = false;
    }

    /** The next store throws {@code failure} instead of returning a future. */
    void throwNext(RuntimeException failure) {
        failNext = failure;
        throwIt = true;
    }

    @Override
    public Map<String, Map<TopicPartition, Long>> load() {
        return stored.load();
    }

    @Override
    public synchronized CompletableFuture<Void> store(String group, Map<TopicPartition, Long> offsets) {
        RuntimeException failure = failNext;
        failNext = null;
        if (failure == null) {
            return stored.store(group, offsets);
        }
        if (throwIt) {
            throw failure;
        }
        return CompletableFuture.failedFuture(failure);
    }
}
