package io.tributary.client.internal;

import io.tributary.client.ClusterMetadata;
import io.tributary.client.NodeAddress;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.MetadataResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the client last learnt of the cluster: its id, its nodes, and each known topic's partition
 * leaders. Immutable; {@link #merge} makes the next one from a metadata answer.
 *
 * @param clusterId the cluster's id
 * @param nodes     node addresses by id
 * @param topics    known topics by name; a topic asked for and not found is absent
 */
public record ClusterView(String clusterId, Map<Integer, NodeAddress> nodes, Map<String, ClusterMetadata.Topic> topics) {

    public ClusterView {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        topics = Map.copyOf(topics);
    }

    /**
     * The view after {@code response}: nodes replaced, the topics it describes replaced (or removed when
     * it reports them unknown), the others kept. Partitions reporting an error count as leaderless.
     */
    public static ClusterView merge(@Nullable ClusterView previous, MetadataResponse response, boolean allTopics) {
        Map<Integer, NodeAddress> nodes = new LinkedHashMap<>();
        for (MetadataResponse.Node node : response.nodes()) {
            nodes.put(node.id(), new NodeAddress(node.host(), node.port()));
        }
        Map<String, ClusterMetadata.Topic> topics = new HashMap<>(allTopics || previous == null ? Map.of() : previous.topics());
        for (MetadataResponse.TopicMetadata topic : response.topics()) {
            if (topic.errorCode() != ErrorCode.NONE) {
                topics.remove(topic.name());
                continue;
            }
            Integer[] leaders = new Integer[topic.partitions().size()];
            for (MetadataResponse.PartitionMetadata partition : topic.partitions()) {
                if (partition.partition() >= 0 && partition.partition() < leaders.length) {
                    leaders[partition.partition()] = partition.errorCode() == ErrorCode.NONE ? partition.leaderId()
                            : MetadataResponse.NO_NODE;
                }
            }
            List<Integer> leaderIds = new ArrayList<>(leaders.length);
            for (Integer leader : leaders) {
                leaderIds.add(leader == null ? MetadataResponse.NO_NODE : leader);
            }
            topics.put(topic.name(), new ClusterMetadata.Topic(topic.name(), leaderIds));
        }
        return new ClusterView(response.clusterId(), nodes, topics);
    }

    /** The topic's route, if the view knows it. */
    public Optional<ClusterMetadata.Topic> topic(String topic) {
        return Optional.ofNullable(topics.get(topic));
    }

    /** The address of the leader of {@code partition}, if the view knows one. */
    public Optional<NodeAddress> leader(String topic, int partition) {
        ClusterMetadata.Topic route = topics.get(topic);
        if (route == null || partition < 0 || partition >= route.partitionCount()) {
            return Optional.empty();
        }
        return Optional.ofNullable(nodes.get(route.leaderIds().get(partition)));
    }

    /** The public form of a metadata answer. */
    public static ClusterMetadata toMetadata(MetadataResponse response) {
        List<ClusterMetadata.Node> nodes = new ArrayList<>();
        for (MetadataResponse.Node node : response.nodes()) {
            nodes.add(new ClusterMetadata.Node(node.id(), new NodeAddress(node.host(), node.port())));
        }
        ClusterView view = merge(null, response, true);
        List<ClusterMetadata.Topic> topics = view.topics().values().stream()
                .sorted(Comparator.comparing(ClusterMetadata.Topic::name)).toList();
        return new ClusterMetadata(response.clusterId(), nodes, topics);
    }
}
