package io.tributary;

/** A running subscription. Thread-safe. */
public interface SubscriptionHandle extends AutoCloseable {

    /** What was subscribed. */
    Subscription subscription();

    /**
     * Commits, for each partition this member of a consumer group holds, the position after the last event
     * its handler finished (and the events before it); returns once the offsets are durable, waiting at most
     * 30 s. Meant for {@linkplain Subscription#manualCommit() manual-commit} subscriptions; harmless on others.
     * Called from a handler, it commits what came before the event in hand.
     *
     * @throws IllegalStateException                  if the subscription has no group
     * @throws io.tributary.group.GroupException      if the group refused the commit (this member no longer holds a
     *                                                partition: its events will be handled again by the new owner),
     *                                                or the subscription is closed
     * @throws io.tributary.api.TributaryException    if the offsets were not committed within 30 s
     */
    default void commit() {
        throw new IllegalStateException("the subscription to " + subscription().topics()
                + " has no consumer group, so it has no offsets to commit; add group(...)");
    }

    /**
     * Stops the deliveries: events being handled finish, no handler call starts after this returns; a group
     * member then commits (unless it commits manually) and leaves its group, so its partitions move at once.
     * Idempotent; may be called from a handler (then the other partitions' handlers in progress may still
     * finish after it returns).
     */
    @Override
    void close();
}
