package io.tributary.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.Bus;
import io.tributary.OnEvent;
import io.tributary.Subscription;
import io.tributary.Tributary;
import io.tributary.event.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerTest {

    /** Events every handler instance of this test saw, by handler. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final CountDownLatch BOTH_SEEN = new CountDownLatch(2);

    public static final class DeclaredHandlers implements WorkerHandlers {
        @Override
        public void register(HandlerRegistry handlers) {
            handlers.subscribe(Subscription.to("worker-payments"), event -> {
                SEEN.add("declared " + event.type() + " in " + handlers.group());
                BOTH_SEEN.countDown();
            });
        }
    }

    public static final class AnnotatedHandler {
        @OnEvent(value = "order.*", topics = "worker-orders")
        public void on(Event event) {
            SEEN.add("annotated " + event.type());
            BOTH_SEEN.countDown();
        }
    }

    public static final class NotAHandler {
    }

    public static final class SubscribesNothing implements WorkerHandlers {
        @Override
        public void register(HandlerRegistry handlers) {
        }
    }

    public static final class NeedsAnArgument implements WorkerHandlers {
        public NeedsAnArgument(String argument) {
        }

        @Override
        public void register(HandlerRegistry handlers) {
        }
    }

    public static final class AnotherOrdersHandler {
        @OnEvent(value = "order.shipped", topics = "worker-orders")
        public void shipped(Event event) {
        }
    }

    /** Two @OnEvent methods on one topic: in a group they must be one member, or each would miss events. */
    public static final class TwoMethodsOneTopic {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final CountDownLatch three = new CountDownLatch(3);

        @OnEvent(value = "order.created", topics = "worker-two")
        public void created(Event event) {
            seen.add("created");
            three.countDown();
        }

        @OnEvent(value = "order.*", topics = "worker-two")
        public void any(Event event) {
            seen.add("any " + event.type());
            three.countDown();
        }
    }

    @Test
    void worker_runsDeclaredAndAnnotatedHandlers_asMembersOfItsGroup() throws Exception {
        Bus bus = Tributary.open("mem:");
        List<Object> handlers = Worker.load(List.of(DeclaredHandlers.class.getName(), AnnotatedHandler.class.getName()),
                getClass().getClassLoader());

        try (Worker worker = Worker.start(bus, "fulfilment", handlers)) {
            assertThat(worker.subscriptions()).extracting(Subscription::group).containsOnly("fulfilment");
            bus.publish("worker-orders", Event.builder("order.created").build()).join();
            bus.publish("worker-payments", Event.builder("payment.received").build()).join();

            assertThat(BOTH_SEEN.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(bus.groups().describe("fulfilment").members()).hasSize(2);
        }
        assertThat(SEEN).containsExactlyInAnyOrder("declared payment.received in fulfilment", "annotated order.created");
    }

    @Test
    void annotatedMethodsOnOneTopic_areOneMemberOfTheGroup_andEachSeesItsEvents() throws Exception {
        Bus bus = Tributary.open("mem:", io.tributary.BusOptions.defaults().withPartitions(3));
        TwoMethodsOneTopic handler = new TwoMethodsOneTopic();

        try (Worker worker = Worker.start(bus, "two", List.of(handler))) {
            assertThat(worker.subscriptions()).hasSize(1);
            bus.publish("worker-two", Event.builder("order.created").key("a").build()).join();
            bus.publish("worker-two", Event.builder("order.shipped").key("b").build()).join();

            assertThat(handler.three.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(handler.seen).containsExactlyInAnyOrder("created", "any order.created", "any order.shipped");
    }

    @Test
    void twoHandlerClassesOnOneTopicInOneGroup_areRefused_becauseTheyWouldSplitItsEvents() {
        Bus bus = Tributary.open("mem:");

        assertThatThrownBy(() -> Worker.start(bus, "split", List.of(new AnnotatedHandler(), new AnotherOrdersHandler())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AnnotatedHandler.class.getName() + " and " + AnotherOrdersHandler.class.getName()
                        + " both subscribe to worker-orders in group split")
                .hasMessageContaining("Subscription.group(...)");
    }

    @Test
    void classesThatAreNotHandlers_areRefused_namingTheClassAndTheWayOut() {
        ClassLoader loader = getClass().getClassLoader();

        assertThatThrownBy(() -> Worker.load(List.of("com.example.Missing"), loader))
                .hasMessageContaining("com.example.Missing is not on the classpath").hasMessageContaining("--classpath");
        assertThatThrownBy(() -> Worker.load(List.of(NotAHandler.class.getName()), loader))
                .hasMessageContaining("is not a handler").hasMessageContaining("WorkerHandlers");
        assertThatThrownBy(() -> Worker.load(List.of(NeedsAnArgument.class.getName()), loader))
                .hasMessageContaining("public no-argument constructor");
        Bus bus = Tributary.open("mem:");
        assertThatThrownBy(() -> Worker.start(bus, "g", List.of(new SubscribesNothing())))
                .hasMessageContaining("subscribed nothing");
    }

    @Test
    void discover_withoutServiceEntries_saysHowToNameHandlers() {
        assertThatThrownBy(() -> Worker.discover(new ClassLoader(null) { }))
                .hasMessageContaining("--handlers").hasMessageContaining("META-INF/services/io.tributary.worker.WorkerHandlers");
    }
}
