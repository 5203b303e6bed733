package io.tributary.test;

import io.tributary.event.Event;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded events that a subscription, or a consumer group as a whole, will be handed and has not
 * finished handling. A group shares one: each event goes to one of its members, and whichever handles it
 * settles it. Guarded by the recorder's lock.
 */
final class OwedEvents {

    private final String owner;
    /** Event id → the event and how many of its publishes are owed (a replay may publish an id again). */
    private final Map<String, Owed> owed = new LinkedHashMap<>();

    /** @param owner who owes them, for messages: {@code the subscription to [orders]}, {@code the group billing} */
    OwedEvents(String owner) {
        this.owner = owner;
    }

    void owe(Event event) {
        owed.computeIfAbsent(event.id(), id -> new Owed(event)).count++;
    }

    /** Forgets one owed publish of {@code event}; nothing if none is owed (an event not published through the recorder). */
    void settle(Event event) {
        Owed entry = owed.get(event.id());
        if (entry != null && --entry.count == 0) {
            owed.remove(event.id());
        }
    }

    boolean isEmpty() {
        return owed.isEmpty();
    }

    /** E.g. {@code the subscription to [orders] has not finished handling order.created v1 (id ...)}. */
    String describe() {
        StringBuilder text = new StringBuilder(owner).append(" has not finished handling");
        owed.values().forEach(entry -> text.append(' ').append(entry.event.type()).append(" v")
                .append(entry.event.version()).append(" (id ").append(entry.event.id()).append(')'));
        return text.toString();
    }

    private static final class Owed {
        final Event event;
        int count;

        Owed(Event event) {
            this.event = event;
        }
    }
}
