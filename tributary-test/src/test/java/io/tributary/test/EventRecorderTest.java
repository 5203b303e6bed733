package io.tributary.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.Bus;
import io.tributary.Retry;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.Tributary;
import io.tributary.api.InvalidTopicNameException;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The recorder on its own, without the extension: what it records and when the bus has settled. */
class EventRecorderTest {

    private final EventRecorder recorder = EventRecorder.record(Tributary.open("mem:"));
    private final Bus bus = recorder.bus();

    @AfterEach
    void closeBus() {
        bus.close();
    }

    @Test
    void records_publishesAndEmits_inCallOrder() throws Exception {
        bus.publish("orders", Event.builder("order.created").build());
        bus.emit("user.signed-up", null);
        bus.publish("orders", Event.builder("order.shipped").build()).get(5, TimeUnit.SECONDS);

        recorder.awaitSettled();

        assertThat(recorder.events()).extracting(Event::type)
                .containsExactly("order.created", "user.signed-up", "order.shipped");
    }

    @Test
    void failedPublish_isNotAnEmittedEvent() {
        assertThatThrownBy(() -> bus.publish("not a topic!", Event.builder("order.created").build()))
                .isInstanceOf(InvalidTopicNameException.class);

        recorder.awaitSettled();
        assertThat(recorder.events()).isEmpty();
    }

    @Test
    void record_ofARecordedBus_isItsRecorder() {
        assertThat(EventRecorder.record(bus)).isSameAs(recorder);
    }

    @RepeatedTest(20)
    void awaitSettled_returnsOnlyAfterAChainOfReactionsEnded() {
        bus.subscribe(Subscription.to("orders").types("order.created"),
                event -> bus.publish("billing", Event.builder("invoice.created").build()));
        bus.subscribe(Subscription.to("billing"),
                event -> bus.publish("mail", Event.builder("mail.sent").build()));

        bus.publish("orders", Event.builder("order.created").build());
        recorder.awaitSettled();

        assertThat(recorder.events()).extracting(Event::type)
                .containsExactly("order.created", "invoice.created", "mail.sent");
    }

    @Test
    void awaitSettled_waitsForFailingHandlers_untilTheirErrorHandlerReturned() {
        bus.subscribe(Subscription.to("orders").onError((event, error) ->
                bus.publish("orders.dead", event)), event -> {
                    throw new IllegalStateException("refused");
                });

        bus.publish("orders", Event.builder("order.created").build());
        recorder.awaitSettled();

        assertThat(recorder.events()).extracting(Event::type).containsExactly("order.created", "order.created");
    }

    @Test
    void subscriptionFromEarliest_owesWhatWasPublishedBefore() {
        bus.publish("orders", Event.builder("order.created").build());
        bus.subscribe(Subscription.to("orders").from(StartPosition.earliest()),
                event -> bus.publish("billing", Event.builder("invoice.created").build()));

        recorder.awaitSettled();

        assertThat(recorder.events()).extracting(Event::type).containsExactly("order.created", "invoice.created");
    }

    @Test
    void awaitSettled_failsNamingTheSubscriptionStillHandling() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        bus.subscribe(Subscription.to("orders").types("order.*"), event -> {
            started.countDown();
            release.await();
        });
        Event event = Event.builder("order.created").build();
        bus.publish("orders", event);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        try {
            assertThatThrownBy(() -> recorder.awaitSettled(Duration.ofMillis(50)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("did not settle within 50ms")
                    .hasMessageContaining("the subscription to [orders] (types order.*) has not finished handling"
                            + " order.created v1 (id " + event.id() + ")");
        } finally {
            release.countDown();
        }
        recorder.awaitSettled();
    }

    @Test
    void closedSubscription_owesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SubscriptionHandle handle = bus.subscribe(Subscription.to("orders"), event -> release.await());
        bus.publish("orders", Event.builder("order.created").build());
        release.countDown();

        handle.close();

        recorder.awaitSettled(Duration.ZERO);
    }

    @Test
    void consumerGroup_owesEachEventOnce_whicheverMemberHandlesIt() {
        EventRecorder grouped = EventRecorder.record(Tributary.open("mem:"));
        try (Bus groupBus = grouped.bus()) {
            for (int member = 0; member < 2; member++) {
                groupBus.subscribe(Subscription.to("orders").group("billing"),
                        event -> groupBus.publish("billing", Event.builder("invoice.created").build()));
            }

            groupBus.publish("orders", Event.builder("order.created").build());
            grouped.awaitSettled();

            assertThat(grouped.events()).extracting(Event::type).containsExactly("order.created", "invoice.created");
        }
    }

    @Test
    void retriedEvent_settlesOnce_whenARetrySucceeds() {
        int[] attempts = new int[1];
        bus.subscribe(Subscription.to("orders").retry(Retry.attempts(3).backoff(Duration.ofMillis(1))), event -> {
            if (++attempts[0] < 3) {
                throw new IllegalStateException("not yet");
            }
            bus.publish("billing", Event.builder("invoice.created").build());
        });

        bus.publish("orders", Event.builder("order.created").build());
        recorder.awaitSettled();

        assertThat(attempts[0]).isEqualTo(3);
        assertThat(recorder.events()).extracting(Event::type).containsExactly("order.created", "invoice.created");
    }

    @Test
    void deadLetteredEvent_settles_andItsDeadLetterIsNotAnEmittedEvent() {
        bus.subscribe(Subscription.to("orders").group("billing").retry(Retry.none()), event -> {
            throw new IllegalStateException("poison");
        });

        bus.publish("orders", Event.builder("order.created").build());
        recorder.awaitSettled();

        assertThat(recorder.events()).extracting(Event::type).containsExactly("order.created");
        assertThat(bus.deadLetters("orders.billing.dlq").list(10)).singleElement()
                .satisfies(letter -> assertThat(letter.errorMessage()).isEqualTo("poison"));
    }
}
