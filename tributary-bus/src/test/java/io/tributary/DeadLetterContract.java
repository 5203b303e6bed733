package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.event.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What happens to an event whose handler keeps failing, on every transport: it is retried per the policy,
 * then written with its origin and error to the group's dead-letter topic while the group goes on; the
 * dead letter can be listed, replayed with its id to a fixed handler, or purged.
 */
abstract class DeadLetterContract extends BusTestBase {

    private static final Retry QUICK = Retry.attempts(3).backoff(Duration.ofMillis(5));

    @Test
    void poisonEvent_isRetriedTheConfiguredTimes_thenDeadLettered_andTheGroupGoesOn() throws Exception {
        Bus bus = bus();
        Event poison = keyed("order.created", "k", 1);
        RecordingListener hooks = new RecordingListener();
        List<String> givenUp = new CopyOnWriteArrayList<>();
        RecordingHandler handler = new RecordingHandler(event -> event.id().equals(poison.id()));
        bus.subscribe(Subscription.to("dlq-poison").group("billing").retry(QUICK).listener(hooks)
                .onError((event, error) -> givenUp.add(event.id())), handler);
        hooks.awaitHeld(held -> held.size() == 1, WAIT);

        bus.publish("dlq-poison", keyed("order.created", "k", 0)).join();
        EventPosition poisonAt = bus.publish("dlq-poison", poison).join();
        bus.publish("dlq-poison", keyed("order.created", "k", 2)).join();

        List<Event> handled = handler.await(5, WAIT);
        assertThat(handled).extracting(BusTestBase::sequenceOf).containsExactly(0, 1, 1, 1, 2);
        hooks.awaitCall("dead " + poison.id(), WAIT);
        assertThat(hooks.calls()).filteredOn(call -> call.contains(poison.id())).containsExactly(
                "failed " + poison.id() + " attempt 1 retry", "failed " + poison.id() + " attempt 2 retry",
                "failed " + poison.id() + " attempt 3 last", "dead " + poison.id() + " -> dlq-poison.billing.dlq/0@0");
        assertThat(givenUp).containsExactly(poison.id());

        DeadLetter letter = bus.deadLetters("dlq-poison.billing.dlq").list(10).getFirst();
        assertThat(letter.event()).isEqualTo(poison);
        assertThat(letter.origin()).isEqualTo(poisonAt);
        assertThat(letter.group()).isEqualTo("billing");
        assertThat(letter.attempts()).isEqualTo(3);
        assertThat(letter.errorClass()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.errorMessage()).isEqualTo("handler refuses " + poison.id());
        assertThat(letter.firstFailure()).isBefore(letter.lastFailure());
        assertThat(letter.position()).isEqualTo(new EventPosition("dlq-poison.billing.dlq", 0, 0));
    }

    @Test
    void replay_publishesTheDeadLetterAgainWithItsId_toTheFixedHandler_andResolvesIt() throws Exception {
        Bus bus = bus();
        AtomicBoolean fixed = new AtomicBoolean();
        Event poison = keyed("order.created", "k", 7);
        RecordingListener hooks = new RecordingListener();
        RecordingHandler handler = new RecordingHandler(event -> event.id().equals(poison.id()) && !fixed.get());
        bus.subscribe(Subscription.to("dlq-replay").group("billing").retry(Retry.none()).listener(hooks), handler);
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        bus.publish("dlq-replay", poison).join();
        hooks.awaitCall("dead " + poison.id(), WAIT);
        DeadLetterQueue queue = bus.deadLetters(Subscription.defaultDeadLetterTopic("dlq-replay", "billing"));

        fixed.set(true);
        List<EventPosition> replayed = queue.replay(queue.list(10), null);

        assertThat(replayed).singleElement().satisfies(position -> assertThat(position.topic()).isEqualTo("dlq-replay"));
        List<Event> handled = handler.await(2, WAIT);
        Event again = handled.get(1);
        assertThat(again.id()).isEqualTo(poison.id());
        assertThat(again.extensions()).containsEntry(DeadLetter.REPLAY_OF, "dlq-replay.billing.dlq/0@0");
        assertThat(queue.list(10)).isEmpty();
    }

    @Test
    void purge_resolvesADeadLetter_withoutPublishingIt() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        bus.subscribe(Subscription.to("dlq-purge").group("billing").retry(Retry.none()).listener(hooks), event -> {
            throw new IllegalArgumentException("never");
        });
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        Event first = keyed("tick", "a", 0);
        Event second = keyed("tick", "a", 1);
        bus.publish("dlq-purge", first).join();
        bus.publish("dlq-purge", second).join();
        hooks.awaitCall("dead " + second.id(), WAIT);
        DeadLetterQueue queue = bus.deadLetters("dlq-purge.billing.dlq");

        queue.purge(queue.list(1));

        assertThat(queue.list(10)).extracting(letter -> letter.event().id()).containsExactly(second.id());
    }

    @Test
    void deadLetterTopic_canBeNamed() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        bus.subscribe(Subscription.to("dlq-named").group("billing").retry(Retry.none()).deadLetterTopic("parked")
                .listener(hooks), event -> {
                    throw new IllegalStateException("no");
                });
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        Event event = event("tick");
        bus.publish("dlq-named", event).join();

        hooks.awaitCall("dead " + event.id() + " -> parked/0@0", WAIT);
        assertThat(bus.deadLetters("parked").list(10)).extracting(letter -> letter.origin().topic())
                .containsExactly("dlq-named");
    }

    @Test
    void closingWhileAnEventWaitsToBeRetried_doesNotWaitForTheBackoff_andLeavesTheEventUncommitted() throws Exception {
        Bus bus = bus();
        RecordingListener hooks = new RecordingListener();
        RecordingHandler failing = new RecordingHandler(event -> true);
        SubscriptionHandle member = bus.subscribe(Subscription.to("dlq-close").group("billing")
                .retry(Retry.attempts(5).backoff(Duration.ofMinutes(10))).listener(hooks), failing);
        hooks.awaitHeld(held -> held.size() == 1, WAIT);
        bus.publish("dlq-close", event("tick")).join();
        failing.await(1, WAIT);

        long started = System.nanoTime();
        member.close();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        RecordingHandler next = new RecordingHandler();
        bus.subscribe(Subscription.to("dlq-close").group("billing"), next);
        assertThat(next.await(1, WAIT)).extracting(Event::type).containsExactly("tick");
    }

    @Test
    void aHandlerThatInterruptsItsThread_stopsNeitherItsWorkerNorTheEventsBehindIt() throws Exception {
        Bus bus = bus(BusOptions.defaults().withWorkers(1));
        RecordingListener hooks = new RecordingListener();
        Event boom = keyed("boom", "k", 0);
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to("dlq-interrupt").group("billing").retry(Retry.attempts(2).backoff(Duration.ofMillis(5))).listener(hooks), event -> {
                    handler.handle(event);
                    if (event.id().equals(boom.id())) {
                        Thread.currentThread().interrupt(); // the "re-interrupt" idiom...
                        throw new InterruptedException("handler interrupted"); // ...and the exception itself
                    }
                });
        hooks.awaitHeld(held -> held.size() == 1, WAIT);

        bus.publish("dlq-interrupt", boom).join();
        for (int i = 1; i <= 3; i++) {
            bus.publish("dlq-interrupt", keyed("tick", "k", i)).join();
        }

        assertThat(handler.await(5, WAIT)).extracting(BusTestBase::sequenceOf).containsExactly(0, 0, 1, 2, 3);
        hooks.awaitCall("dead " + boom.id(), WAIT);
        assertThat(bus.deadLetters("dlq-interrupt.billing.dlq").list(10)).extracting(letter -> letter.event().id())
                .containsExactly(boom.id());
    }

    @Test
    void withoutAGroup_anEventThatFailedEveryAttempt_goesToTheErrorHandlerOnly() throws Exception {
        Bus bus = bus();
        List<String> givenUp = new CopyOnWriteArrayList<>();
        CountDownLatch toldTheErrorHandler = new CountDownLatch(1);
        RecordingListener hooks = new RecordingListener();
        bus.subscribe(Subscription.to("dlq-nogroup").retry(QUICK).listener(hooks).onError((event, error) -> {
            givenUp.add(event.id());
            toldTheErrorHandler.countDown();
        }), event -> {
            throw new IllegalStateException("no");
        });
        Event event = event("tick");
        bus.publish("dlq-nogroup", event).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(toldTheErrorHandler.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(givenUp).containsExactly(event.id());
        assertThat(hooks.calls()).contains("failed " + event.id() + " attempt 3 last")
                .noneMatch(call -> call.startsWith("dead"));
    }
}
