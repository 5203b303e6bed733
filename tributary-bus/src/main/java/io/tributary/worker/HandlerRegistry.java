package io.tributary.worker;

import io.tributary.Bus;
import io.tributary.EventHandler;
import io.tributary.Subscription;

/** Where {@link WorkerHandlers} subscribe, in a {@link Worker}. */
public interface HandlerRegistry {

    /** The worker's bus, e.g. for handlers that publish follow-up events. Do not close it. */
    Bus bus();

    /** The worker's consumer group. */
    String group();

    /**
     * Subscribes {@code handler}; a subscription without a group joins {@link #group()}.
     *
     * @throws IllegalArgumentException if the subscription is not valid for a group (e.g. its dead-letter topic
     *                                  name would be too long)
     */
    void subscribe(Subscription subscription, EventHandler handler);
}
