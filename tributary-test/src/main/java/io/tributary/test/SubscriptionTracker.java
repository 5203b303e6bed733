package io.tributary.test;

import io.tributary.ErrorHandler;
import io.tributary.EventHandler;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.event.Event;

/**
 * A subscription made through a recording bus: which recorded events it is handed, and the ledger of
 * those it has not finished handling (its own, or its consumer group's).
 */
final class SubscriptionTracker {

    private final EventRecorder recorder;
    private final Subscription subscription;
    private final OwedEvents owed;

    SubscriptionTracker(EventRecorder recorder, Subscription subscription, OwedEvents owed) {
        this.recorder = recorder;
        this.subscription = subscription;
        this.owed = owed;
    }

    /** For messages: {@code the subscription to [orders] (types order.*)} or {@code the group billing on [orders]}. */
    static String describe(Subscription subscription) {
        if (subscription.group() != null) {
            return "the group " + subscription.group() + " on " + subscription.topics();
        }
        String text = "the subscription to " + subscription.topics();
        if (!subscription.filter().types().matchesAll() || subscription.filter().version().isPresent()) {
            text += " (types " + subscription.filter() + ")";
        }
        return text;
    }

    Subscription subscription() {
        return subscription;
    }

    OwedEvents owed() {
        return owed;
    }

    /** Whether the subscription is handed {@code event} when it is published to {@code topic}. */
    boolean covers(String topic, Event event) {
        return subscription.topics().contains(topic) && subscription.filter().matches(event);
    }

    /** Whether the subscription, made after {@code emission} was published, reads it. */
    boolean readsPast(Emission emission) {
        return switch (subscription.start()) {
            case StartPosition.Earliest earliest -> true;
            case StartPosition.Latest latest -> false;
            case StartPosition.AtTime at -> !emission.event().time().isBefore(at.time());
            case StartPosition.AtOffset at -> emission.position() != null && emission.position().offset() >= at.offset();
        };
    }

    /** Calls {@code handler}; a handled event is settled when it returns, a failed one when the error handler returned. */
    EventHandler wrap(EventHandler handler) {
        return event -> {
            handler.handle(event);
            recorder.handled(this, event);
        };
    }

    ErrorHandler wrap(ErrorHandler errorHandler) {
        return (event, error) -> {
            try {
                errorHandler.onError(event, error);
            } finally {
                recorder.handled(this, event);
            }
        };
    }

    @Override
    public String toString() {
        return describe(subscription);
    }
}
