package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;

/**
 * The cluster as one node sees it. The client compares {@code clusterId} with the one of its connection
 * string ({@link ErrorCode#CLUSTER_ID_MISMATCH} when they differ) and sends each partition's requests to
 * its leader.
 *
 * @param clusterId    the cluster's id
 * @param nodes        every node, by id
 * @param controllerId id of the node that coordinates the cluster, or {@link #NO_NODE}
 * @param topics       the topics asked for (or every topic), each with its partitions
 */
public record MetadataResponse(String clusterId, List<Node> nodes, int controllerId, List<TopicMetadata> topics)
        implements Response {

    /** Node id that stands for "none" (no controller, no leader). */
    public static final int NO_NODE = -1;

    public MetadataResponse {
        Objects.requireNonNull(clusterId, "clusterId");
        nodes = List.copyOf(nodes);
        topics = List.copyOf(topics);
    }

    /** A node and the address clients reach it at. */
    public record Node(int id, String host, int port) {
        public Node {
            Objects.requireNonNull(host, "host");
        }

        void encode(WireWriter out) {
            out.writeInt(id).writeString(host).writeInt(port);
        }

        static Node decode(WireReader in) {
            return new Node(in.readInt("MetadataResponse.node.id"), in.readString("MetadataResponse.node.host"),
                    in.readInt("MetadataResponse.node.port"));
        }
    }

    /**
     * @param name       the topic
     * @param errorCode  {@link ErrorCode#NONE}, or e.g. {@link ErrorCode#UNKNOWN_TOPIC} (then no partitions)
     * @param partitions its partitions
     */
    public record TopicMetadata(String name, ErrorCode errorCode, List<PartitionMetadata> partitions) {
        public TopicMetadata {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(errorCode, "errorCode");
            partitions = List.copyOf(partitions);
        }

        void encode(WireWriter out) {
            out.writeString(name).writeShort(errorCode.code()).writeArray(partitions, PartitionMetadata::encode);
        }

        static TopicMetadata decode(WireReader in) {
            String name = in.readString("MetadataResponse.topic");
            ErrorCode errorCode = Fields.readErrorCode(in, "MetadataResponse.topic.errorCode");
            return new TopicMetadata(name, errorCode,
                    in.readArray("MetadataResponse.partitions", 10, PartitionMetadata::decode));
        }
    }

    /**
     * @param partition the partition
     * @param leaderId  id of the node that leads it, or {@link #NO_NODE}
     * @param errorCode {@link ErrorCode#NONE}, or why it has no leader
     */
    public record PartitionMetadata(int partition, int leaderId, ErrorCode errorCode) {
        public PartitionMetadata {
            Objects.requireNonNull(errorCode, "errorCode");
        }

        void encode(WireWriter out) {
            out.writeInt(partition).writeInt(leaderId).writeShort(errorCode.code());
        }

        static PartitionMetadata decode(WireReader in) {
            return new PartitionMetadata(in.readInt("MetadataResponse.partition"),
                    in.readInt("MetadataResponse.partition.leaderId"),
                    Fields.readErrorCode(in, "MetadataResponse.partition.errorCode"));
        }
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.METADATA;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeString(clusterId).writeArray(nodes, Node::encode).writeInt(controllerId)
                .writeArray(topics, TopicMetadata::encode);
    }

    public static MetadataResponse decode(WireReader in) {
        String clusterId = in.readString("MetadataResponse.clusterId");
        List<Node> nodes = in.readArray("MetadataResponse.nodes", 10, Node::decode);
        int controllerId = in.readInt("MetadataResponse.controllerId");
        return new MetadataResponse(clusterId, nodes, controllerId,
                in.readArray("MetadataResponse.topics", Fields.MIN_STRING + 2 + Fields.MIN_ARRAY, TopicMetadata::decode));
    }
}
