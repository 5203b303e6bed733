package io.tributary.test.example;

import static io.tributary.test.TributaryAssertions.assertThat;
import static io.tributary.test.TributaryAssertions.assertThatEmitted;

import io.tributary.Bus;
import io.tributary.Subscription;
import io.tributary.event.Event;
import io.tributary.test.EventRecorder;
import io.tributary.test.TributaryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@TributaryTest // a fresh mem: bus per test; @TributaryTest(transport = Transport.FILE) or SERVER for the others
class OrderServiceTest {

    record Order(int id, String item) {
    }

    /** The code under test: it gets the bus, it does not open one. */
    record OrderService(Bus bus) {

        void placeOrder(Order order) {
            bus.publish("orders", Event.builder("order.created").version(2).key(String.valueOf(order.id()))
                    .data(order).build());
        }

        /** Billing reacts to every new order with an invoice. */
        void startBilling() {
            bus.subscribe(Subscription.to("orders").types("order.created"), event -> {
                Order order = event.dataAs(Order.class);
                bus.publish("invoices", Event.builder("invoice.created").key(event.key())
                        .data(Map.of("order", order.id(), "amount", 12)).build());
            });
        }
    }

    @Test
    void placeOrder_emitsOrderCreated(Bus bus, EventRecorder recorder) {
        new OrderService(bus).placeOrder(new Order(42, "book"));

        assertThat(recorder).emitted("order.created").withVersion(2).withKey("42")
                .withDataContaining(Map.of("id", 42)).times(1);
    }

    @Test
    void everyOrder_isInvoicedOnce(Bus bus) {
        OrderService service = new OrderService(bus);
        service.startBilling();

        assertThatEmitted(bus, () -> service.placeOrder(new Order(7, "pen")))
                .emitted("invoice.*").onTopic("invoices").withDataContaining(Map.of("order", 7)).times(1);
    }

    @Test
    void cancelledOrders_areNotInvoiced(Bus bus) {
        new OrderService(bus).startBilling();

        assertThatEmitted(bus, () -> bus.publish("orders", Event.builder("order.cancelled").key("7").build()))
                .didNotEmit("invoice.*");                    // waits until billing handled the event, no sleep
    }
}
