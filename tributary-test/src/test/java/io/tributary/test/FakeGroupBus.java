package io.tributary.test;

import io.tributary.Bus;
import io.tributary.EventHandler;
import io.tributary.EventPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.event.Event;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A bus with the simplest consumer groups: the first member of a group receives every event, later members
 * none. Enough to show the recorder treating a group as one owner of its events, before real groups exist.
 */
final class FakeGroupBus implements Bus {

    private final Bus delegate;
    private final Set<String> groupsWithAMember = new HashSet<>();

    FakeGroupBus(Bus delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<EventPosition> publish(String topic, Event event) {
        return delegate.publish(topic, event);
    }

    @Override
    public synchronized SubscriptionHandle subscribe(Subscription subscription, EventHandler handler) {
        if (subscription.group() == null) {
            return delegate.subscribe(subscription, handler);
        }
        if (!groupsWithAMember.add(subscription.group())) {
            return new IdleMember(subscription);
        }
        Subscription withoutGroup = Subscription.to(subscription.topics().toArray(String[]::new))
                .types(subscription.filter().types().toString()).from(subscription.start())
                .onError(subscription.errorHandler());
        return delegate.subscribe(withoutGroup, handler);
    }

    @Override
    public String defaultTopic() {
        return delegate.defaultTopic();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private record IdleMember(Subscription subscription) implements SubscriptionHandle {
        @Override
        public void close() {
        }
    }
}
