package io.tributary.test;

import io.tributary.Bus;
import io.tributary.ConsumerGroups;
import io.tributary.DeadLetterQueue;
import io.tributary.EventHandler;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.event.Event;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Bus} that tells its {@link EventRecorder} about every publish (when it is called and when it
 * completes) and about every event its subscriptions finish handling; otherwise it is the bus it wraps.
 */
final class RecordingBus implements Bus {

    private final Bus delegate;
    private final EventRecorder recorder;

    RecordingBus(Bus delegate, EventRecorder recorder) {
        this.delegate = Objects.requireNonNull(delegate, "bus");
        this.recorder = recorder;
    }

    EventRecorder recorder() {
        return recorder;
    }

    @Override
    public CompletableFuture<EventPosition> publish(String topic, Event event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        int index = recorder.publishing(topic, event);
        CompletableFuture<EventPosition> published;
        try {
            published = delegate.publish(topic, event);
        } catch (RuntimeException | Error e) {
            recorder.published(index, null, e);
            throw e;
        }
        published.whenComplete((position, failure) -> recorder.published(index, position, failure));
        return published;
    }

    @Override
    public SubscriptionHandle subscribe(Subscription subscription, EventHandler handler) {
        Objects.requireNonNull(handler, "handler");
        SubscriptionTracker tracker = recorder.track(subscription);
        SubscriptionHandle handle;
        try {
            handle = delegate.subscribe(subscription.onError(tracker.wrap(subscription.errorHandler())),
                    tracker.wrap(handler));
        } catch (RuntimeException | Error e) {
            recorder.untrack(tracker);
            throw e;
        }
        return new TrackedHandle(subscription, handle, tracker, recorder);
    }

    @Override
    public String defaultTopic() {
        return delegate.defaultTopic();
    }

    @Override
    public ConsumerGroups groups() {
        return delegate.groups();
    }

    /** The bus's dead letters; what a replay publishes is not recorded (it goes straight to the transport). */
    @Override
    public DeadLetterQueue deadLetters(String deadLetterTopic) {
        return delegate.deadLetters(deadLetterTopic);
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } finally {
            recorder.busClosed();
        }
    }

    @Override
    public String toString() {
        return delegate + " (recorded)";
    }

    /** Hands out the subscription as the caller made it, and stops tracking it once closed. */
    private record TrackedHandle(Subscription subscription, SubscriptionHandle handle, SubscriptionTracker tracker,
            EventRecorder recorder) implements SubscriptionHandle {

        @Override
        public void commit() {
            handle.commit();
        }

        @Override
        public void close() {
            try {
                handle.close();
            } finally {
                recorder.untrack(tracker);
            }
        }
    }
}
