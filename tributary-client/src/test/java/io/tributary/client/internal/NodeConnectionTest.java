package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.client.BrokerErrorException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.NodeAddress;
import io.tributary.client.TimedOutException;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.ProtocolLimits;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeConnectionTest {

    private static final Duration LONG = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        timer.shutdownNow();
    }

    @Test
    void pipelinedCalls_eachGetTheAnswerToTheirOwnRequest() throws Exception {
        StubNode node = stub(request -> StubNode.Reply.answer(echoTopic((MetadataRequest) request)));
        NodeConnection connection = connect(node, 64);

        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(connection.call(new MetadataRequest(List.of("topic-" + i)), LONG));
        }

        for (int i = 0; i < 50; i++) {
            MetadataResponse answer = (MetadataResponse) answers.get(i).get();
            assertThat(answer.topics().getFirst().name()).isEqualTo("topic-" + i);
        }
        assertThat(connection.outstanding()).isZero();
    }

    @Test
    void answersLargerThanTheReadBuffer_pipelinedBetweenSmallOnes_arriveWhole() throws Exception {
        StubNode node = stub(request -> StubNode.Reply.answer(echoAllTopics((MetadataRequest) request)));
        NodeConnection connection = connect(node, 64);

        List<List<String>> asked = new ArrayList<>();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int topics = i % 3 == 0 ? 2_000 : 1; // about 400 KiB, well past the 64 KiB read buffer
            List<String> names = IntStream.range(0, topics).mapToObj(t -> "t".repeat(200) + "-" + t).toList();
            asked.add(names);
            answers.add(connection.call(new MetadataRequest(names), LONG));
        }

        for (int i = 0; i < answers.size(); i++) {
            MetadataResponse answer = (MetadataResponse) answers.get(i).get();
            assertThat(answer.topics()).extracting(MetadataResponse.TopicMetadata::name).isEqualTo(asked.get(i));
        }
    }

    @Test
    void callWithoutAnswer_timesOut_andClosingTheConnectionFailsTheCallsBehindIt() {
        StubNode node = stub(request -> new StubNode.Reply.Silence());
        NodeConnection connection = connect(node, 64);

        CompletableFuture<Response> first = connection.call(MetadataRequest.ALL_TOPICS, Duration.ofMillis(200));
        CompletableFuture<Response> behind = connection.call(MetadataRequest.ALL_TOPICS, LONG);

        assertThatThrownBy(first::join).cause().isInstanceOf(TimedOutException.class)
                .hasMessageContaining("METADATA request to " + node.address())
                .hasMessageContaining("tributary.client.call-timeout");
        assertThatThrownBy(behind::join).cause().isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining("METADATA request timed out");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void nodeClosingTheConnection_failsEveryOutstandingCall_namingTheNodeAndTheReason() {
        StubNode node = stub(request -> new StubNode.Reply.Hangup());
        NodeConnection connection = connect(node, 64);

        CompletableFuture<Response> call = connection.call(MetadataRequest.ALL_TOPICS, LONG);

        assertThatThrownBy(call::join).cause().isInstanceOf(ConnectionLostException.class)
                .hasMessageContaining(node.address().toString())
                .hasMessageContaining("the node closed the connection");
        assertThatThrownBy(() -> connection.call(MetadataRequest.ALL_TOPICS, LONG).join()).cause()
                .isInstanceOf(ConnectionLostException.class);
    }

    @Test
    void errorInTheResponseHeader_failsTheCallWithTheErrorCodesName() {
        StubNode node = stub(request -> new StubNode.Reply.Error(ErrorCode.UNSUPPORTED_VERSION, "speaks 1 to 1"));
        NodeConnection connection = connect(node, 64);

        CompletableFuture<Response> call = connection.call(MetadataRequest.ALL_TOPICS, LONG);

        assertThatThrownBy(call::join).cause().isInstanceOfSatisfying(BrokerErrorException.class, e -> {
            assertThat(e.errorCode()).isEqualTo("UNSUPPORTED_VERSION");
            assertThat(e.getMessage()).contains("speaks 1 to 1");
        });
        assertThat(connection.isOpen()).isTrue();
    }

    @Test
    void outstandingRequests_areBounded_andACallBeyondTheBoundTimesOutWaitingForRoom() {
        StubNode node = stub(request -> new StubNode.Reply.Silence());
        NodeConnection connection = connect(node, 2);
        connection.call(MetadataRequest.ALL_TOPICS, LONG);
        connection.call(MetadataRequest.ALL_TOPICS, LONG);

        CompletableFuture<Response> third = connection.call(MetadataRequest.ALL_TOPICS, Duration.ofMillis(100));

        assertThatThrownBy(third::join).cause().isInstanceOf(TimedOutException.class)
                .hasMessageContaining("2 requests are already outstanding")
                .hasMessageContaining("tributary.client.max-in-flight-requests");
        assertThat(connection.outstanding()).isEqualTo(2);
    }

    @Test
    void connectingWhereNobodyListens_failsAsUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        NodeAddress nowhere = new NodeAddress("127.0.0.1", port);

        assertThatThrownBy(() -> NodeConnection.open(nowhere, settings(4), timer, Deadline.after(LONG, Ticker.system())))
                .isInstanceOf(UnreachableNodeException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
    }

    private StubNode stub(Function<Request, StubNode.Reply> script) {
        try {
            StubNode node = StubNode.start(script);
            closeables.add(node);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private NodeConnection connect(StubNode node, int maxInFlight) {
        NodeConnection connection = NodeConnection.open(node.address(), settings(maxInFlight), timer,
                Deadline.after(LONG, Ticker.system()));
        closeables.add(connection);
        return connection;
    }

    private static ConnectionSettings settings(int maxInFlight) {
        return new ConnectionSettings(Duration.ofSeconds(2), maxInFlight, "test", ProtocolLimits.DEFAULT,
                Thread.ofVirtual().factory());
    }

    private static MetadataResponse echoAllTopics(MetadataRequest request) {
        return new MetadataResponse("cluster", List.of(), -1, request.topics().stream()
                .map(name -> new MetadataResponse.TopicMetadata(name, ErrorCode.NONE, List.of())).toList());
    }

    private static MetadataResponse echoTopic(MetadataRequest request) {
        return new MetadataResponse("cluster", List.of(), -1, List.of(new MetadataResponse.TopicMetadata(
                request.topics().getFirst(), ErrorCode.NONE, List.of())));
    }
}
