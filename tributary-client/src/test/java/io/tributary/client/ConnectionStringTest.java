package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ConnectionStringTest {

    private static final NodeAddress A = new NodeAddress("10.0.0.1", 7650);
    private static final NodeAddress B = new NodeAddress("broker-2.example.com", 7651);

    @Test
    void url_withEverything_parsesClusterNodesAndTopic() {
        ConnectionString parsed = ConnectionString.parse("tributary://prod@10.0.0.1:7650,broker-2.example.com:7651/orders");

        assertThat(parsed).isEqualTo(new ConnectionString(Optional.of("prod"), List.of(A, B), Optional.of("orders")));
    }

    @Test
    void url_withOnlyOneNode_hasNoClusterIdAndNoTopic() {
        assertThat(ConnectionString.parse("tributary://localhost:7650"))
                .isEqualTo(ConnectionString.of(new NodeAddress("localhost", 7650)));
    }

    @Test
    void shortForm_ofForestBus_parsesLikeTheUrl() {
        assertThat(ConnectionString.parse("prod#orders@10.0.0.1:7650,broker-2.example.com:7651"))
                .isEqualTo(ConnectionString.parse("tributary://prod@10.0.0.1:7650,broker-2.example.com:7651/orders"));
    }

    @Test
    void shortForm_withoutTopicOrWithoutCluster_parses() {
        assertThat(ConnectionString.parse("prod@10.0.0.1:7650"))
                .isEqualTo(new ConnectionString(Optional.of("prod"), List.of(A), Optional.empty()));
        assertThat(ConnectionString.parse("#orders@10.0.0.1:7650"))
                .isEqualTo(new ConnectionString(Optional.empty(), List.of(A), Optional.of("orders")));
    }

    @Test
    void ipv6Literal_inBrackets_isKeptWithoutThemAndPrintedWithThem() {
        ConnectionString parsed = ConnectionString.parse("tributary://[::1]:7650");

        assertThat(parsed.nodes()).containsExactly(new NodeAddress("::1", 7650));
        assertThat(parsed.toString()).isEqualTo("tributary://[::1]:7650");
    }

    @Test
    void toString_isTheUrlForm_thatParsesBack() {
        ConnectionString value = new ConnectionString(Optional.of("c-1"), List.of(A, B), Optional.of("billing.events"));

        assertThat(value.toString()).isEqualTo("tributary://c-1@10.0.0.1:7650,broker-2.example.com:7651/billing.events");
        assertThat(ConnectionString.parse(value.toString())).isEqualTo(value);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                      | it is empty
            localhost:7650                          | neither the tributary:// prefix nor the '@' of the short form
            http://localhost:7650                   | the scheme 'http://' is not tributary://
            tributary://                            | names no node
            tributary://localhost                   | node 'localhost' has no port; write host:port, e.g. localhost:7650
            tributary://localhost:0                 | has port '0'
            tributary://localhost:65536             | has port '65536'
            tributary://localhost:http              | has port 'http'
            tributary://a:1,,b:2                    | empty entry
            tributary://a:1,a:1                     | node a:1 is listed twice
            tributary://a:1/                        | names no topic
            tributary://a:1/bad topic               | topic name 'bad topic' is invalid
            tributary://bad id@a:1                  | cluster id 'bad id' is invalid
            tributary://::1:7650                    | put it in brackets
            tributary://[::1]7650                   | is not [ipv6]:port
            tributary://under_score:1               | invalid host 'under_score'
            @a:1                                    | nothing precedes '@'
            """)
    void invalidStrings_failWithTheStringTheProblemAndAnExample(String text, String problem) {
        assertThatThrownBy(() -> ConnectionString.parse(text))
                .isInstanceOf(InvalidConnectionStringException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining(problem)
                .hasMessageContaining("e.g. tributary://prod@10.0.0.1:7650,10.0.0.2:7650/orders");
    }
}
