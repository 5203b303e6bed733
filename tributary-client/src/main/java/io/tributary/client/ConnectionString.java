package io.tributary.client;

import io.tributary.api.InvalidTopicNameException;
import io.tributary.api.TopicName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a client connects: the nodes to start from, optionally the cluster id they must report and a
 * default topic. Two spellings parse to the same value:
 *
 * <pre>
 * tributary://[clusterId@]host:port[,host:port...][/topic]     e.g. tributary://prod@10.0.0.1:7650,10.0.0.2:7650/orders
 * [clusterId][#topic]@host:port[,host:port...]                  e.g. prod#orders@10.0.0.1:7650,10.0.0.2:7650 (Forest Bus)
 * </pre>
 *
 * <p>Hosts are names, IPv4 literals or bracketed IPv6 literals ({@code [::1]:7650}); the port is
 * required. A cluster id is 1 to 64 characters of {@code [A-Za-z0-9_-]} (the broker's rule); a topic
 * follows {@link TopicName}'s rule. {@link #toString()} gives the {@code tributary://} form, which parses
 * back to an equal value.
 *
 * @param clusterId the id every node must report, or empty to accept any cluster
 * @param nodes     the nodes to start from, at least one, no duplicates, in the order given
 * @param topic     the default topic, or empty
 */
public record ConnectionString(Optional<String> clusterId, List<NodeAddress> nodes, Optional<String> topic) {

    /** The scheme of the URL form. */
    public static final String SCHEME = "tributary://";

    private static final Pattern CLUSTER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final String EXAMPLES = "e.g. tributary://prod@10.0.0.1:7650,10.0.0.2:7650/orders"
            + " or prod#orders@10.0.0.1:7650,10.0.0.2:7650";

    public ConnectionString {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(topic, "topic");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a connection string names at least one node; " + EXAMPLES);
        }
        if (new HashSet<>(nodes).size() != nodes.size()) {
            throw new IllegalArgumentException("nodes " + nodes + " name a node twice");
        }
        clusterId.ifPresent(id -> {
            if (!CLUSTER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("cluster id '" + id + "' is invalid: use 1 to 64 characters of "
                        + "A-Z, a-z, 0-9, '_' and '-'");
            }
        });
        topic.ifPresent(TopicName::of);
    }

    /** A connection string for {@code nodes}, with no cluster id and no topic. */
    public static ConnectionString of(NodeAddress... nodes) {
        return new ConnectionString(Optional.empty(), List.of(nodes), Optional.empty());
    }

    /** The same nodes and topic, requiring {@code clusterId}. */
    public ConnectionString withClusterId(String clusterId) {
        return new ConnectionString(Optional.of(clusterId), nodes, topic);
    }

    /** The same nodes and cluster id, with {@code topic} as the default topic. */
    public ConnectionString withTopic(String topic) {
        return new ConnectionString(clusterId, nodes, Optional.of(topic));
    }

    /**
     * Parses either spelling.
     *
     * @throws InvalidConnectionStringException quoting {@code text}, saying what is wrong and showing a valid one
     */
    public static ConnectionString parse(String text) {
        Objects.requireNonNull(text, "connection string");
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw invalid(text, "it is empty");
        }
        return trimmed.startsWith(SCHEME) ? parseUrl(text, trimmed.substring(SCHEME.length())) : parseShort(text, trimmed);
    }

    private static ConnectionString parseUrl(String text, String rest) {
        String authority = rest;
        Optional<String> topic = Optional.empty();
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            authority = rest.substring(0, slash);
            String path = rest.substring(slash + 1);
            if (path.isEmpty()) {
                throw invalid(text, "it ends with '/' but names no topic; drop the '/' or add a topic");
            }
            topic = Optional.of(topic(text, path));
        }
        Optional<String> clusterId = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            clusterId = Optional.of(clusterId(text, authority.substring(0, at)));
            authority = authority.substring(at + 1);
        }
        return build(text, clusterId, nodes(text, authority), topic);
    }

    private static ConnectionString parseShort(String text, String trimmed) {
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd >= 0) {
            throw invalid(text, "the scheme '" + trimmed.substring(0, schemeEnd + 3) + "' is not " + SCHEME);
        }
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            throw invalid(text, "it has neither the " + SCHEME + " prefix nor the '@' of the short form");
        }
        String prefix = trimmed.substring(0, at);
        Optional<String> clusterId = Optional.empty();
        Optional<String> topic = Optional.empty();
        int hash = prefix.indexOf('#');
        String clusterPart = hash >= 0 ? prefix.substring(0, hash) : prefix;
        if (hash >= 0) {
            topic = Optional.of(topic(text, prefix.substring(hash + 1)));
        }
        if (!clusterPart.isEmpty()) {
            clusterId = Optional.of(clusterId(text, clusterPart));
        } else if (hash < 0) {
            throw invalid(text, "nothing precedes '@'; write clusterId@nodes, clusterId#topic@nodes or #topic@nodes");
        }
        return build(text, clusterId, nodes(text, trimmed.substring(at + 1)), topic);
    }

    private static ConnectionString build(String text, Optional<String> clusterId, List<NodeAddress> nodes,
            Optional<String> topic) {
        Set<NodeAddress> seen = new HashSet<>();
        for (NodeAddress node : nodes) {
            if (!seen.add(node)) {
                throw invalid(text, "node " + node + " is listed twice");
            }
        }
        return new ConnectionString(clusterId, nodes, topic);
    }

    private static String clusterId(String text, String id) {
        if (!CLUSTER_ID.matcher(id).matches()) {
            throw invalid(text, "cluster id '" + id + "' is invalid: use 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        return id;
    }

    private static String topic(String text, String topic) {
        try {
            return TopicName.of(topic).value();
        } catch (InvalidTopicNameException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private static List<NodeAddress> nodes(String text, String list) {
        if (list.isEmpty()) {
            throw invalid(text, "it names no node; list host:port pairs separated by ','");
        }
        List<NodeAddress> nodes = new ArrayList<>();
        for (String node : list.split(",", -1)) {
            nodes.add(node(text, node.strip()));
        }
        return nodes;
    }

    private static NodeAddress node(String text, String node) {
        if (node.isEmpty()) {
            throw invalid(text, "the node list has an empty entry; separate host:port pairs by a single ','");
        }
        String host;
        String port;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0 || close + 1 >= node.length() || node.charAt(close + 1) != ':') {
                throw invalid(text, "node '" + node + "' is not [ipv6]:port");
            }
            host = node.substring(1, close);
            port = node.substring(close + 2);
            if (!IPV6.matcher(host).matches() || host.indexOf(':') < 0) {
                throw invalid(text, "node '" + node + "' has an invalid IPv6 literal '" + host + "'");
            }
        } else {
            int colon = node.lastIndexOf(':');
            if (colon < 0) {
                throw invalid(text, "node '" + node + "' has no port; write host:port, e.g. " + node + ":7650");
            }
            host = node.substring(0, colon);
            port = node.substring(colon + 1);
            if (host.indexOf(':') >= 0) {
                throw invalid(text, "node '" + node + "' looks like an IPv6 literal; put it in brackets, e.g. [::1]:7650");
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw invalid(text, "node '" + node + "' has an invalid host '" + host
                        + "' (letters, digits, '.' and '-', or an IP literal)");
            }
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
            throw invalid(text, "node '" + node + "' has port '" + port + "'; a port is a number from 1 to 65535");
        }
        return new NodeAddress(host, Integer.parseInt(port));
    }

    private static InvalidConnectionStringException invalid(String text, String problem) {
        return new InvalidConnectionStringException("connection string '" + text + "' is invalid: " + problem + "; "
                + EXAMPLES);
    }

    /** The {@code tributary://} form; {@link #parse} reads it back to an equal value. */
    @Override
    public String toString() {
        StringBuilder url = new StringBuilder(SCHEME);
        clusterId.ifPresent(id -> url.append(id).append('@'));
        for (int i = 0; i < nodes.size(); i++) {
            url.append(i == 0 ? "" : ",").append(nodes.get(i));
        }
        topic.ifPresent(name -> url.append('/').append(name));
        return url.toString();
    }
}
