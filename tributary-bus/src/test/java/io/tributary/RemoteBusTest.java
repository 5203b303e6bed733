package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.Record;
import io.tributary.api.TopicNotFoundException;
import io.tributary.client.NoNodesAvailableException;
import io.tributary.client.TributaryClient;
import io.tributary.event.Event;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract on {@code tributary://}, against one broker in this process shared by the class (each
 * bus has a client of its own), plus what only a remote bus does: connection failures, topic creation,
 * flushing on close, records that are not events, a server that refuses long polls.
 */
class RemoteBusTest extends BusContract {

    @RegisterExtension
    static final SharedBroker broker = new SharedBroker();

    @Override
    protected Bus openBus(BusOptions options) {
        return Tributary.open(broker.url(), options);
    }

    @Test
    void open_withAnotherClusterId_failsNamingTheMismatch() {
        assertThatThrownBy(() -> Tributary.open(broker.url("not-" + broker.clusterId())))
                .isInstanceOf(ClusterIdMismatchException.class).hasMessageContaining("not-" + broker.clusterId());
    }

    @Test
    void open_withTheRightClusterId_works() throws Exception {
        try (Bus bus = Tributary.open(broker.url(broker.clusterId()))) {
            assertThat(bus.publish("remote-cluster-id", event("tick")).get(WAIT.toSeconds(), TimeUnit.SECONDS).offset())
                    .isZero();
        }
    }

    @Test
    void open_withNobodyListening_failsNamingTheAddress() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        assertThatThrownBy(() -> Tributary.open("tributary://127.0.0.1:" + port))
                .isInstanceOf(NoNodesAvailableException.class).hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void close_sendsThePublishesStillInFlight() throws Exception {
        Bus bus = Tributary.open(broker.url());
        List<CompletableFuture<EventPosition>> published = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            published.add(bus.publish("remote-flush", keyed("tick", "k", i)));
        }

        bus.close();

        CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        RecordingHandler handler = new RecordingHandler();
        bus().subscribe(Subscription.to("remote-flush").from(StartPosition.earliest()), handler);
        assertThat(handler.await(1_000, WAIT)).extracting(BusContract::sequenceOf)
                .containsExactlyElementsOf(IntStream.range(0, 1_000).boxed().toList());
    }

    @Test
    void missingTopic_isCreatedWithTheBusPartitionCount() throws Exception {
        bus(BusOptions.defaults().withPartitions(3)).publish("remote-created", event("tick"))
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);

        try (TributaryClient client = TributaryClient.connect(broker.url())) {
            assertThat(client.describeTopics("remote-created").getFirst().partitions()).hasSize(3);
        }
    }

    @Test
    void topicTheServerRefusesToCreate_failsWithTopicNotFound() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(100_000));

        assertThatThrownBy(() -> bus.subscribe(Subscription.to("remote-refused"), new RecordingHandler()))
                .isInstanceOf(TopicNotFoundException.class)
                .hasMessageContaining("remote-refused", "refused to create it", "tributary.bus.partitions");
        assertThat(bus.publish("remote-refused", event("tick"))).failsWithin(WAIT)
                .withThrowableThat().havingRootCause().isInstanceOf(TopicNotFoundException.class);
    }

    @Test
    void keylessEvents_spreadOverThePartitions() throws Exception {
        Bus bus = bus(BusOptions.defaults().withPartitions(4));
        List<Integer> partitions = new ArrayList<>();
        for (int round = 0; round < 20; round++) { // each round leaves as a batch of its own
            List<CompletableFuture<EventPosition>> published = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                published.add(bus.publish("remote-keyless", event("tick")));
            }
            for (CompletableFuture<EventPosition> future : published) {
                partitions.add(future.get(WAIT.toSeconds(), TimeUnit.SECONDS).partition());
            }
        }

        assertThat(partitions.stream().distinct()).hasSizeGreaterThan(1);
    }

    @Test
    void recordsThatAreNotEvents_areSkipped() throws Exception {
        Bus bus = bus();
        RecordingHandler handler = new RecordingHandler();
        bus.subscribe(Subscription.to("remote-plain").from(StartPosition.earliest()), handler); // creates the topic
        try (TributaryClient client = TributaryClient.connect(broker.url())) {
            client.send("remote-plain", List.of(Record.of("not an event".getBytes(StandardCharsets.UTF_8), 0L)), true);
        }

        EventPosition position = bus.publish("remote-plain", event("after.plain")).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(position.offset()).isEqualTo(1);
        assertThat(handler.await(1, WAIT)).extracting(Event::type).containsExactly("after.plain");
    }

    @Test
    void serverRefusingLongPolls_slowsTheFeedDown_andEveryEventStillArrives(@TempDir Path directory) throws Exception {
        try (BrokerFixture strict = BrokerFixture.start(directory, Map.of("tributary.log.max-read-waiters", "1"));
                Bus bus = Tributary.open(strict.url())) {
            RecordingHandler first = new RecordingHandler();
            RecordingHandler second = new RecordingHandler();
            bus.subscribe(Subscription.to("remote-waiters").from(StartPosition.earliest()), first);
            bus.subscribe(Subscription.to("remote-waiters").from(StartPosition.earliest()), second);

            for (int i = 0; i < 20; i++) {
                bus.publish("remote-waiters", keyed("tick", "k", i)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }

            assertThat(first.await(20, WAIT)).extracting(BusContract::sequenceOf).isSorted().hasSize(20);
            assertThat(second.await(20, WAIT)).extracting(BusContract::sequenceOf).isSorted().hasSize(20);
        }
    }

    @Test
    void closingTheBus_whileTheServerIsGone_doesNotWaitForTheClientTimeouts(@TempDir Path directory) throws Exception {
        BrokerFixture doomed = BrokerFixture.start(directory);
        Bus bus = Tributary.open(doomed.url());
        bus.subscribe(Subscription.to("remote-gone"), new RecordingHandler());
        bus.publish("remote-gone", event("tick")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        doomed.close();

        long started = System.nanoTime();
        bus.close();

        // the client's call timeout is 15 s: a feed stuck in a read until then would show here
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
