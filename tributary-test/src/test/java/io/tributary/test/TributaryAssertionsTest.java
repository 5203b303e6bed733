package io.tributary.test;

import static io.tributary.test.TributaryAssertions.assertThat;
import static io.tributary.test.TributaryAssertions.assertThatEmitted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.Bus;
import io.tributary.Subscription;
import io.tributary.Tributary;
import io.tributary.api.InvalidTopicNameException;
import io.tributary.event.Event;
import io.tributary.test.TributaryTest.Transport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The assertions: what passes, what fails, and what a failure says. */
@TributaryTest
class TributaryAssertionsTest {

    private static final Duration SHORT = Duration.ofMillis(200);

    /** Data with its fields in a fixed order (a {@code Map.of} iterates in an order that varies per JVM). */
    record Order(int id, String item) {
    }

    private static Event orderCreated(int version, int id) {
        return Event.builder("order.created").version(version).key(String.valueOf(id)).data(new Order(id, "book"))
                .build();
    }

    // ------------------------------------------------------------------------------------- emitted

    @Test
    void emitted_matchesTypeVersionKeyAndData(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(2, 42));

        assertThat(recorder).emitted("order.created").withVersion(2).withKey("42")
                .withDataContaining(Map.of("id", 42)).onTopic("orders").times(1);
    }

    @Test
    void emitted_takesTypePatterns(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(1, 1));
        bus.publish("orders", Event.builder("order.created.v2").build());

        assertThat(recorder).emitted("order.*").times(1);
        assertThat(recorder).emitted("order.>").times(2);
        assertThat(recorder).emitted("*").times(2);
    }

    @Test
    void emitted_checksSubjectAndCorrelationId(Bus bus, EventRecorder recorder) {
        bus.publish("orders", Event.builder("order.created").subject("/orders/42").correlationId("flow-1").build());

        assertThat(recorder).emitted("order.created").withSubject("/orders/42").withCorrelationId("flow-1");
    }

    @Test
    void withDataContaining_comparesAsJson_nestedAndAcrossNumberTypes(Bus bus, EventRecorder recorder) {
        bus.emit("order.created", Map.of("id", 42, "customer", Map.of("id", 7, "name", "Ada"), "lines", List.of(1, 2)));

        assertThat(recorder).emitted("order.created").withDataContaining(Map.of("id", 42L))
                .withDataContaining(Map.of("customer", Map.of("id", 7))).withDataContaining(Map.of("lines", List.of(1, 2)));
    }

    @Test
    void emitted_waitsForEventsThatHandlersPublishLater(Bus bus, EventRecorder recorder) {
        bus.subscribe(Subscription.to("orders"),
                event -> bus.publish("billing", Event.builder("invoice.created").data(event.data()).build()));

        bus.publish("orders", orderCreated(1, 42));

        assertThat(recorder).emitted("invoice.created").onTopic("billing").withDataContaining(Map.of("id", 42));
    }

    @Test
    @TributaryTest(transport = Transport.FILE)
    void emitted_waitsForTheCommit_onFile(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(2, 42));

        assertThat(recorder).emitted("order.created").withVersion(2).times(1);
        assertThat(recorder.events()).hasSize(1);
    }

    @Test
    void emitted_failure_saysWhatWasEmittedInstead(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(1, 42));
        bus.publish("orders", Event.builder("order.shipped").version(2).key("42").correlationId("flow-9").build());

        assertThatThrownBy(() -> assertThat(recorder).within(SHORT).emitted("order.created").withVersion(2))
                .isInstanceOf(AssertionError.class)
                .hasMessage("""
                        Expected the bus to emit an event of type order.created with version 2 within 200ms, but it \
                        emitted 2 events, none of them matching:
                          orders/0@0  order.created v1  key=42  data={"id":42,"item":"book"}  <- version 1
                          orders/0@1  order.shipped v2  key=42  correlationid=flow-9  data=(none)  <- type order.shipped""")
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("%"));
    }

    @Test
    void emitted_failure_namesTheDataThatDiffers(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(2, 41));

        assertThatThrownBy(() -> assertThat(recorder).within(SHORT).emitted("order.created")
                .withDataContaining(new TreeMap<>(Map.of("id", 42, "price", 10))))
                .hasMessageContaining("an event of type order.created with data containing {\"id\":42,\"price\":10}")
                .hasMessageContaining("orders/0@0  order.created v2  key=41  data={\"id\":41,\"item\":\"book\"}"
                        + "  <- data has \"id\":41, lacks \"price\"");
    }

    @Test
    void emitted_failure_whenNothingWasEmitted(EventRecorder recorder) {
        assertThatThrownBy(() -> assertThat(recorder).within(Duration.ZERO).emitted("order.created"))
                .hasMessage("Expected the bus to emit an event of type order.created within 0, but it emitted nothing");
    }

    @Test
    void emitted_failure_showsFailedPublishes(Bus bus, EventRecorder recorder) {
        assertThatThrownBy(() -> bus.publish("bad topic", orderCreated(1, 1)))
                .isInstanceOf(InvalidTopicNameException.class);

        assertThatThrownBy(() -> assertThat(recorder).within(Duration.ZERO).emitted("order.created"))
                .hasMessageStartingWith("Expected the bus to emit an event of type order.created within 0, but it"
                        + " emitted nothing; publishes that did not complete:\n  bad topic  order.created v1  key=1")
                .hasMessageContaining("(publish failed: io.tributary.api.InvalidTopicNameException");
    }

    @Test
    void emitted_keepsTheAssertionDescription(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(1, 42));

        assertThatThrownBy(() -> assertThat(recorder).as("billing").within(Duration.ZERO).emitted("order.created")
                .withVersion(3))
                .hasMessageStartingWith("[billing] Expected the bus to emit an event of type order.created with version 3");
    }

    // --------------------------------------------------------------------------------------- times

    @Test
    void times_failure_countsAndListsTheEvents(Bus bus, EventRecorder recorder) {
        for (int id = 1; id <= 3; id++) {
            bus.publish("orders", orderCreated(1, id));
        }

        assertThatThrownBy(() -> assertThat(recorder).within(SHORT).emitted("order.created").times(2))
                .hasMessage("""
                        Expected the bus to emit exactly 2 events of type order.created within 200ms, but 3 of the 3 \
                        events it emitted match:
                          orders/0@0  order.created v1  key=1  data={"id":1,"item":"book"}
                          orders/0@1  order.created v1  key=2  data={"id":2,"item":"book"}
                          orders/0@2  order.created v1  key=3  data={"id":3,"item":"book"}""");
    }

    @RepeatedTest(10)
    void times_countsReactionsOnlyOnceTheBusSettled(Bus bus, EventRecorder recorder) {
        bus.subscribe(Subscription.to("orders"), event -> {
            bus.publish("billing", Event.builder("invoice.created").build());
            bus.publish("billing", Event.builder("invoice.created").build());
        });

        bus.publish("orders", orderCreated(1, 1));

        assertThat(recorder).emitted("invoice.created").times(2);
    }

    // ----------------------------------------------------------------------- emittedNothing, didNotEmit

    @Test
    void emittedNothing_onAQuietBus_passesAtOnce(EventRecorder recorder) {
        assertThat(recorder).within(Duration.ZERO).emittedNothing();
    }

    @Test
    void emittedNothing_failure_listsWhatWasEmitted(Bus bus, EventRecorder recorder) {
        bus.publish("orders", orderCreated(2, 42));

        assertThatThrownBy(() -> assertThat(recorder).emittedNothing())
                .hasMessage("""
                        Expected the bus to emit no events, but it emitted 1:
                          orders/0@0  order.created v2  key=42  data={"id":42,"item":"book"}""");
    }

    @RepeatedTest(20)
    void didNotEmit_seesReactionsThatComeAfterThePublishReturned(Bus bus, EventRecorder recorder) {
        bus.subscribe(Subscription.to("orders"),
                event -> bus.publish("billing", Event.builder("invoice.created").build()));

        bus.publish("orders", orderCreated(1, 1));

        assertThatThrownBy(() -> assertThat(recorder).didNotEmit("invoice.*"))
                .hasMessageStartingWith("Expected the bus to emit no events of type invoice.*, but it emitted 1:")
                .hasMessageContaining("billing/0@0  invoice.created v1");
    }

    @Test
    void didNotEmit_passesWhenHandlersReactedOtherwise(Bus bus, EventRecorder recorder) {
        bus.subscribe(Subscription.to("orders").types("order.cancelled"),
                event -> bus.publish("billing", Event.builder("refund.issued").build()));

        bus.publish("orders", Event.builder("order.cancelled").build());

        assertThat(recorder).didNotEmit("invoice.*").emitted("refund.issued").times(1);
    }

    @Test
    void emittedNothing_failsWhenTheBusDoesNotSettle_namingWhatIsPending(Bus bus, EventRecorder recorder)
            throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        bus.subscribe(Subscription.to("orders"), event -> release.await());
        Bus other = Tributary.open("mem:"); // publishes that the recorder does not see
        try {
            Event event = orderCreated(1, 1);
            bus.publish("orders", event).get(5, TimeUnit.SECONDS);

            assertThatThrownBy(() -> assertThatEmitted(bus, () -> other.publish("orders", event))
                    .within(SHORT).emittedNothing())
                    .hasMessageStartingWith("Expected the bus to emit no events from the block on; none so far, but"
                            + " the bus did not settle within 200ms, so one may still follow: the subscription to"
                            + " [orders] has not finished handling order.created v1 (id " + event.id() + ")");
        } finally {
            release.countDown();
            other.close();
        }
    }

    // ---------------------------------------------------------------------------- assertThatEmitted

    @Test
    void assertThatEmitted_seesOnlyWhatTheBlockSetGoing(Bus bus) {
        bus.publish("orders", orderCreated(1, 1));
        bus.subscribe(Subscription.to("orders").types("order.cancelled"),
                event -> bus.publish("billing", Event.builder("refund.issued").build()));

        assertThatEmitted(bus, () -> {}).emittedNothing();
        assertThatEmitted(bus, () -> bus.publish("orders", Event.builder("order.cancelled").build()))
                .emitted("refund.issued").times(1)
                .and().emitted("order.cancelled").times(1)
                .and().didNotEmit("order.created");
    }

    @Test
    void assertThatEmitted_refusesABusThatIsNotRecorded() {
        try (Bus plain = Tributary.open("mem:")) {
            assertThatThrownBy(() -> assertThatEmitted(plain, () -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("it is not recorded; pass the Bus that TributaryExtension gives the test");
        }
    }

    @Test
    void assertThatEmitted_reportsABlockThatThrows(Bus bus) {
        assertThatThrownBy(() -> assertThatEmitted(bus, () -> {
            throw new IllegalStateException("out of stock");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("threw").hasRootCauseMessage("out of stock");
    }

    @Test
    @TributaryTest(transport = Transport.SERVER)
    void assertions_workAgainstAServer_reactionsIncluded(Bus bus, EventRecorder recorder) {
        bus.subscribe(Subscription.to("orders").types("order.created"),
                event -> bus.publish("billing", Event.builder("invoice.created").key(event.key()).build()));

        assertThatEmitted(bus, () -> bus.publish("orders", orderCreated(2, 42)))
                .emitted("invoice.created").withKey("42").times(1)
                .and().didNotEmit("order.cancelled");
        assertThat(recorder.events()).hasSize(2);
    }
}
