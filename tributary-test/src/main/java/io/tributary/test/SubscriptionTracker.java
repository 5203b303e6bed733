package io.tributary.test;

import io.tributary.ErrorHandler;
import io.tributary.EventHandler;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.event.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one subscription made through a recording bus still owes: the recorded events it will be handed
 * and has not finished handling. Its state is guarded by the recorder's lock.
 */
final class SubscriptionTracker {

    private final EventRecorder recorder;
    private final Subscription subscription;
    /** Event id → the event and how many of its publishes are owed (a replay may publish an id again). */
    private final Map<String, Owed> owed = new LinkedHashMap<>();

    SubscriptionTracker(EventRecorder recorder, Subscription subscription) {
        this.recorder = recorder;
        this.subscription = subscription;
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

    void owe(Event event) {
        owed.computeIfAbsent(event.id(), id -> new Owed(event)).count++;
    }

    /** Forgets one owed publish of {@code event}; nothing if none was owed (an event not published through the recorder). */
    void settle(Event event) {
        Owed entry = owed.get(event.id());
        if (entry != null && --entry.count == 0) {
            owed.remove(event.id());
        }
    }

    boolean owesNothing() {
        return owed.isEmpty();
    }

    /** For messages: the subscription and the events it has not handled yet. */
    String describeOwed() {
        StringBuilder text = new StringBuilder("the subscription to ").append(subscription.topics());
        if (!subscription.filter().types().matchesAll() || subscription.filter().version().isPresent()) {
            text.append(" (types ").append(subscription.filter()).append(')');
        }
        text.append(" has not finished handling");
        owed.values().forEach(entry -> text.append(' ').append(entry.event.type()).append(" v")
                .append(entry.event.version()).append(" (id ").append(entry.event.id()).append(')'));
        return text.toString();
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
        return "SubscriptionTracker" + subscription.topics();
    }

    private static final class Owed {
        final Event event;
        int count;

        Owed(Event event) {
            this.event = event;
        }
    }
}
