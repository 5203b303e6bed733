package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.event.Event;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Bus} does, whatever its URL. Bound once per transport ({@code mem:}, {@code file:},
 * {@code tributary://}) by a subclass that opens the bus.
 */
abstract class BusContract extends BusTestBase {

    @Test
    void publishedEvent_reachesASubscriber_unchanged() throws Exception {
        Bus bus = bus();
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to("contract-roundtrip"), handler);
        Event sent = Event.builder("order.created").key("42").version(2).subject("/orders/42")
                .correlationId("flow-1").extension("tenant", "acme").data("{\"id\":42}".getBytes(StandardCharsets.UTF_8))
                .build();

        EventPosition position = bus.publish("contract-roundtrip", sent).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(position.topic()).isEqualTo("contract-roundtrip");
        assertThat(handler.await(1, WAIT)).containsExactly(sent);
    }

    @Test
    void emit_publishesJsonDataOfTheTypeToTheDefaultTopic() throws Exception {
        Bus bus = bus(BusOptions.defaults().withDefaultTopic("contract-emit"));
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to(bus.defaultTopic()), handler);

        EventPosition position = bus.emit("user.signed-up", Map.of("id", 7)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(position.topic()).isEqualTo("contract-emit");
        Event received = handler.await(1, WAIT).getFirst();
        assertThat(received.type()).isEqualTo("user.signed-up");
        assertThat(received.datacontenttype()).isEqualTo("application/json");
        assertThat(received.dataAs(Map.class)).isEqualTo(Map.of("id", 7));
    }

    @Test
    void eventsWithOneKey_arriveInPublishOrder_evenOverSeveralPartitions() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(4));
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to("contract-order"), handler);
        List<CompletableFuture<EventPosition>> published = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            published.add(bus.publish("contract-order", keyed("tick", "key-" + (i % 7), i)));
        }
        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Map<String, List<Integer>> byKey = new LinkedHashMap<>();
        for (Event event : handler.await(2_000, WAIT)) {
            byKey.computeIfAbsent(event.partitionkey(), k -> new ArrayList<>()).add(sequenceOf(event));
        }
        assertThat(byKey).hasSize(7);
        byKey.values().forEach(sequences -> assertThat(sequences).isSorted());
        assertThat(published.stream().map(CompletableFuture::join).map(EventPosition::partition).distinct())
                .as("keys spread over the partitions").hasSizeGreaterThan(1);
    }

    @Test
    void typePattern_selectsMatchingTypes_only() throws Exception {
        Bus bus = bus();
        RecordingHandler orders = new RecordingHandler();
        RecordingHandler everything = new RecordingHandler();
        bus.subscribe(Subscription.to("contract-types").types("order.*"), orders);
        bus.subscribe(Subscription.to("contract-types").types("order.>"), everything);
        for (String type : List.of("order.created", "payment.received", "order.created.v2", "order", "order.shipped")) {
            bus.publish("contract-types", event(type)).join();
        }

        assertThat(everything.await(3, WAIT)).extracting(Event::type)
                .containsExactly("order.created", "order.created.v2", "order.shipped");
        assertThat(orders.await(2, WAIT)).extracting(Event::type).containsExactly("order.created", "order.shipped");
    }

    @Test
    void versionFilter_selectsThatVersion_only() throws Exception {
        Bus bus = bus();
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to("contract-versions").types("order.created").version(2), handler);
        for (int version : new int[] {1, 2, 3, 2}) {
            bus.publish("contract-versions", Event.builder("order.created").version(version).build()).join();
        }
        bus.publish("contract-versions", Event.builder("order.deleted").version(2).build()).join();
        bus.publish("contract-versions", Event.builder("order.created").version(2).subject("last").build()).join();

        assertThat(handler.await(3, WAIT)).extracting(Event::version).containsExactly(2, 2, 2);
        assertThat(handler.events().getLast().subject()).isEqualTo("last");
    }

    @Test
    void startPositions_earliestLatestOffsetAndTime() throws Exception {
        Bus bus = bus();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 10; i++) {
            bus.publish("contract-start", Event.builder("tick").time(base.plusSeconds(i))
                    .data(Integer.toString(i).getBytes(StandardCharsets.UTF_8)).build()).join();
        }
        RecordingHandler earliest = new RecordingHandler();
        RecordingHandler latest = new RecordingHandler();
        RecordingHandler fromOffset = new RecordingHandler();
        RecordingHandler fromTime = new RecordingHandler();
        bus.subscribe(Subscription.to("contract-start").from(StartPosition.earliest()), earliest);
        bus.subscribe(Subscription.to("contract-start").from(StartPosition.latest()), latest);
        bus.subscribe(Subscription.to("contract-start").from(StartPosition.offset(7)), fromOffset);
        bus.subscribe(Subscription.to("contract-start").from(StartPosition.time(base.plusSeconds(4))), fromTime);
        bus.publish("contract-start", Event.builder("tick").time(base.plusSeconds(10))
                .data("10".getBytes(StandardCharsets.UTF_8)).build()).join();

        assertThat(earliest.await(11, WAIT)).extracting(BusContract::sequenceOf)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(latest.await(1, WAIT)).extracting(BusContract::sequenceOf).containsExactly(10);
        assertThat(fromOffset.await(4, WAIT)).extracting(BusContract::sequenceOf).containsExactly(7, 8, 9, 10);
        assertThat(fromTime.await(7, WAIT)).extracting(BusContract::sequenceOf).containsExactly(4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void failingHandler_sendsEachFailureToTheErrorHandler_andHandlesTheRest() throws Exception {
        Bus bus = bus();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch allFailures = new CountDownLatch(10);
        RecordingHandler handler = new RecordingHandler(event -> sequenceOf(event) % 10 == 3);
        bus.subscribe(Subscription.to("contract-errors").retry(Retry.none()).onError((event, error) -> {
            failures.add(sequenceOf(event) + ": " + error.getMessage());
            allFailures.countDown();
        }), handler);
        for (int i = 0; i < 100; i++) {
            bus.publish("contract-errors", keyed("tick", "k", i)).join();
        }

        assertThat(handler.await(100, WAIT)).extracting(BusContract::sequenceOf).doesNotHaveDuplicates().hasSize(100);
        assertThat(allFailures.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(failures).hasSize(10).allSatisfy(failure -> assertThat(failure).matches("\\d*3: handler refuses .*"));
    }

    @Test
    void closedSubscription_receivesNothingMore() throws Exception {
        Bus bus = bus();
        RecordingHandler handler = new RecordingHandler();
        SubscriptionHandle handle = bus.subscribe(Subscription.to("contract-unsubscribe"), handler);
        bus.publish("contract-unsubscribe", event("first")).join();
        handler.await(1, WAIT);

        handle.close();
        bus.publish("contract-unsubscribe", event("second")).join();
        RecordingHandler witness = new RecordingHandler();
        bus.subscribe(Subscription.to("contract-unsubscribe").from(StartPosition.earliest()), witness);
        witness.await(2, WAIT);

        assertThat(handler.events()).extracting(Event::type).containsExactly("first");
    }

    @Test
    void closingTheBus_finishesTheHandlerAtWork_andRefusesFurtherUse() throws Exception {
        Bus bus = bus();
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        bus.subscribe(Subscription.to("contract-close"), event -> {
            started.countDown();
            Thread.sleep(200); // a slow handler: close must wait for it
            finished.incrementAndGet();
        });
        bus.publish("contract-close", event("slow")).join();
        assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        bus.close();

        assertThat(finished).hasValue(1);
        assertThatThrownBy(() -> bus.publish("contract-close", event("late"))).isInstanceOf(BusClosedException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> bus.subscribe(Subscription.to("contract-close"), e -> { }))
                .isInstanceOf(BusClosedException.class);
    }

    @Test
    void failingHandler_isCalledAgainPerTheRetryPolicy_andTheNextEventWaitsInOrder() throws Exception {
        Bus bus = bus();
        List<Integer> attemptsOfTheFlakyOne = new CopyOnWriteArrayList<>();
        RecordingHandler handler = new RecordingHandler(event -> sequenceOf(event) == 1 && attemptsOfTheFlakyOne.add(1)
                && attemptsOfTheFlakyOne.size() < 3);
        bus.subscribe(Subscription.to("contract-retries").retry(Retry.attempts(3).backoff(Duration.ofMillis(5))), handler);
        for (int i = 0; i < 3; i++) {
            bus.publish("contract-retries", keyed("tick", "k", i)).join();
        }

        assertThat(handler.await(5, WAIT)).extracting(BusContract::sequenceOf).containsExactly(0, 1, 1, 1, 2);
    }
}
