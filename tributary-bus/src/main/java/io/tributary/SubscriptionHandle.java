package io.tributary;

/** A running subscription. Thread-safe. */
public interface SubscriptionHandle extends AutoCloseable {

    /** What was subscribed. */
    Subscription subscription();

    /**
     * Stops the deliveries: events being handled finish, no handler call starts after this returns.
     * Idempotent; may be called from a handler (then the other partitions' handlers in progress may still
     * finish after it returns).
     */
    @Override
    void close();
}
