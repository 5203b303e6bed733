package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ConnectionStringProperties {

    @Property
    void everyValidConnectionString_parsesBackFromItsUrl(@ForAll("connectionStrings") ConnectionString value) {
        assertThat(ConnectionString.parse(value.toString())).isEqualTo(value);
    }

    @Property
    void shortForm_meansTheSameAsTheUrl(@ForAll("connectionStrings") ConnectionString value) {
        String nodes = String.join(",", value.nodes().stream().map(NodeAddress::toString).toList());
        String prefix = value.clusterId().orElse("") + value.topic().map(t -> "#" + t).orElse("");
        if (prefix.isEmpty()) {
            return; // the short form needs something before '@'
        }
        assertThat(ConnectionString.parse(prefix + "@" + nodes)).isEqualTo(value);
    }

    @Provide
    Arbitrary<ConnectionString> connectionStrings() {
        Arbitrary<String> clusterIds = Arbitraries.strings().withCharRange('a', 'z').withChars('0', '9', '_', '-')
                .ofMinLength(1).ofMaxLength(64);
        Arbitrary<String> topics = Arbitraries.strings().withCharRange('a', 'z').withChars('.', '_', '-', 'X', '7')
                .ofMinLength(1).ofMaxLength(40).filter(t -> !t.equals(".") && !t.equals(".."));
        Arbitrary<String> hostNames = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)
                .list().ofMinSize(1).ofMaxSize(4).map(labels -> String.join(".", labels));
        Arbitrary<String> ipv4 = Arbitraries.integers().between(0, 255).list().ofSize(4)
                .map(octets -> String.join(".", octets.stream().map(String::valueOf).toList()));
        Arbitrary<String> ipv6 = Arbitraries.of("::1", "fe80::1", "2001:db8::7");
        Arbitrary<NodeAddress> nodes = Combinators.combine(Arbitraries.oneOf(hostNames, ipv4, ipv6),
                Arbitraries.integers().between(1, 65_535)).as(NodeAddress::new);
        return Combinators.combine(clusterIds.optional(), nodes.list().ofMinSize(1).ofMaxSize(5).uniqueElements(),
                topics.optional()).as((id, list, topic) -> new ConnectionString(id, List.copyOf(list), topic));
    }
}
