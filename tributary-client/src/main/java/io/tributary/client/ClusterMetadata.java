package io.tributary.client;

import java.util.List;
import java.util.Objects;

/**
 * The cluster as a node described it: its id, its nodes and who leads each partition.
 *
 * @param clusterId the cluster's id
 * @param nodes     every node
 * @param topics    the topics asked for (or every topic), by name
 */
public record ClusterMetadata(String clusterId, List<Node> nodes, List<Topic> topics) {

    /** Leader id of a partition that has none right now. */
    public static final int NO_LEADER = -1;

    public ClusterMetadata {
        Objects.requireNonNull(clusterId, "clusterId");
        nodes = List.copyOf(nodes);
        topics = List.copyOf(topics);
    }

    /**
     * A node.
     *
     * @param id      its id
     * @param address where it listens for clients
     */
    public record Node(int id, NodeAddress address) {
        public Node {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * A topic's partitions and their leaders.
     *
     * @param name      the topic
     * @param leaderIds the leader node id of partition {@code i} at index {@code i}, or {@link #NO_LEADER}
     */
    public record Topic(String name, List<Integer> leaderIds) {
        public Topic {
            Objects.requireNonNull(name, "name");
            leaderIds = List.copyOf(leaderIds);
        }

        /** The number of partitions. */
        public int partitionCount() {
            return leaderIds.size();
        }
    }
}
