package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.event.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnnotatedHandlersTest {

    private final Bus bus = Tributary.open("mem:");

    @AfterEach
    void close() {
        bus.close();
    }

    /** Decoded from the events' JSON data. */
    public record Order(int id, String item) {
    }

    public static final class Billing {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(3);

        @OnEvent("order.*")
        public void anyOrder(Event event) {
            seen.add("any " + event.type());
            done.countDown();
        }

        @OnEvent(value = "order.created", version = 2, topics = "orders")
        public void created(Order order) {
            seen.add("created " + order.id() + " " + order.item());
            done.countDown();
        }
    }

    @Test
    void annotatedMethods_receiveTheirTypes_asEventsOrDecodedData() throws Exception {
        Billing billing = new Billing();
        AnnotatedHandlers.subscribe(bus, billing);

        bus.emit("order.paid", Map.of("id", 1, "item", "book")).join();
        bus.emit("payment.failed", Map.of()).join();
        bus.publish("orders", Event.builder("order.created").version(2).data(Map.of("id", 2, "item", "pen")).build()).join();
        bus.publish("orders", Event.builder("order.created").version(1).data(Map.of("id", 3, "item", "ink")).build()).join();
        bus.emit("order.shipped", Map.of("id", 1, "item", "book")).join();

        assertThat(billing.done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(billing.seen).containsExactlyInAnyOrder("any order.paid", "created 2 pen", "any order.shipped");
    }

    @Test
    void closingTheHandle_stopsEveryAnnotatedMethod() throws Exception {
        Billing billing = new Billing();
        SubscriptionHandle handle = AnnotatedHandlers.subscribe(bus, billing);
        handle.close();

        bus.emit("order.paid", Map.of("id", 1, "item", "book")).join();
        RecordingHandler witness = new RecordingHandler();
        bus.subscribe(Subscription.to(bus.defaultTopic()).from(StartPosition.earliest()), witness);
        witness.await(1, Duration.ofSeconds(10));

        assertThat(billing.seen).isEmpty();
    }

    public static final class Nothing {
        public void notAnnotated(Event event) {
        }
    }

    public static final class WrongShape {
        @OnEvent("x")
        public String returnsSomething(Event event) {
            return "";
        }
    }

    @Test
    void objectsWithoutOrWithMisshapenHandlers_areRefusedByName() {
        assertThatThrownBy(() -> AnnotatedHandlers.subscribe(bus, new Nothing()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nothing has no public method");
        assertThatThrownBy(() -> AnnotatedHandlers.subscribe(bus, new WrongShape()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WrongShape.returnsSomething must be a public instance method returning void");
    }
}
