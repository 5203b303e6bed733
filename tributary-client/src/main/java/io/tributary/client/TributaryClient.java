package io.tributary.client;

import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.Record;
import io.tributary.api.TopicNotFoundException;
import io.tributary.client.internal.NetworkClient;
import io.tributary.group.GroupCoordinator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A connection to a Tributary cluster over the binary protocol: low-level send and read, topic
 * administration, consumer groups ({@link #groups()}), and the factory of batching {@link Producer}s.
 *
 * <pre>{@code
 * try (TributaryClient client = TributaryClient.connect("tributary://localhost:7650")) {
 *     List<Long> offsets = client.send("orders", List.of(Record.of(key, value, now)), true);
 *     ReadResult read = client.read("orders", 0, 0, 100, Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> Thread-safe: share one client in a process. Every method blocks its caller until
 * the answer arrives or the call timeout ({@link ClientOptions#callTimeout()}) passes; a read's wait is
 * added to its timeout. Retries and failover happen inside that bound. Each node connection has one
 * virtual thread that reads its responses.
 *
 * <p><b>Routing.</b> The client learns the cluster from the nodes of its connection string: the cluster
 * id (checked against the connection string's), the nodes, and each partition's leader. Requests for a
 * partition go to its leader; an answer that says the node no longer leads refreshes the metadata and
 * the request follows. When a node cannot be reached the next one is tried.
 *
 * <p><b>Failures</b> are {@link io.tributary.api.TributaryException}s: {@link NoNodesAvailableException}
 * (naming every node tried), {@link TopicNotFoundException}, {@link ClusterIdMismatchException},
 * {@link RecordTooLargeException}, {@link TimedOutException}, {@link ConnectionLostException},
 * {@link BrokerErrorException} for the rest.
 */
public interface TributaryClient extends AutoCloseable {

    /**
     * Connects with {@link ClientOptions#defaults()}.
     *
     * @param connectionString {@code tributary://[clusterId@]host:port[,host:port...][/topic]} or
     *                         {@code clusterId#topic@host:port,host:port}
     * @throws InvalidConnectionStringException if the string does not parse
     * @throws NoNodesAvailableException        if no node answered
     * @throws ClusterIdMismatchException       if a node reports another cluster id than the string names
     */
    static TributaryClient connect(String connectionString) {
        return connect(ConnectionString.parse(connectionString), ClientOptions.defaults());
    }

    /** Connects with {@code options}; see {@link #connect(String)}. */
    static TributaryClient connect(String connectionString, ClientOptions options) {
        return connect(ConnectionString.parse(connectionString), options);
    }

    /**
     * Connects to the nodes of {@code connectionString}, fetches the cluster's metadata and checks its
     * cluster id. Blocks until then.
     *
     * @throws NoNodesAvailableException  if no node answered
     * @throws ClusterIdMismatchException if a node reports another cluster id than the string names
     */
    static TributaryClient connect(ConnectionString connectionString, ClientOptions options) {
        return NetworkClient.connect(connectionString, options);
    }

    /** The id of the cluster connected to. */
    String clusterId();

    /** What this client was connected with. */
    ConnectionString connectionString();

    /**
     * Appends records to {@code topic}, not batched with other callers' records. Records with a key go
     * to the partition that the key's murmur2 hash selects (as Kafka does); records without a key go,
     * all of this call together, to the next partition in round robin.
     *
     * <p>Not idempotent: if the connection is lost after the request left, this throws
     * {@link ConnectionLostException} and the records may or may not have been written. Use a
     * {@link Producer} for retries without duplicates.
     *
     * @param waitForCommit whether to return once the records are committed (durable), or once written
     * @return the offset of each record, in the order of {@code records}
     * @throws TopicNotFoundException  if the topic does not exist and the broker does not create topics
     * @throws RecordTooLargeException if a record or batch exceeds the broker's limits
     */
    List<Long> send(String topic, List<Record> records, boolean waitForCommit);

    /**
     * Reads committed records of one partition from {@code offset} on, waiting up to {@code wait} when
     * there are none yet (long poll). Returns at most {@code maxRecords}; records of the first batch
     * below {@code offset} are skipped.
     *
     * @throws TopicNotFoundException if the topic does not exist
     * @throws BrokerErrorException   {@code OFFSET_OUT_OF_RANGE} if the offset is below the log start or
     *                                past the end; {@code UNKNOWN_PARTITION} for a partition the topic lacks
     */
    ReadResult read(String topic, int partition, long offset, int maxRecords, Duration wait);

    /**
     * The committed end offset (high watermark) of a partition: the offset the next committed record
     * will get.
     */
    long endOffset(String topic, int partition);

    /**
     * Creates a topic.
     *
     * @param settings topic settings that differ from the broker's defaults, e.g.
     *                 {@code Map.of("retention-age", "7d")}
     * @throws io.tributary.api.TopicExistsException       if it exists
     * @throws io.tributary.api.InvalidTopicNameException  if the name breaks the rule
     * @throws io.tributary.api.config.ConfigException     if a setting is unknown or invalid
     */
    void createTopic(String topic, int partitions, Map<String, String> settings);

    /** The names of every topic, sorted. */
    List<String> listTopics();

    /**
     * Settings, offsets and sizes of topics; every topic when none is named.
     *
     * @throws TopicNotFoundException if a named topic does not exist
     */
    List<TopicDescription> describeTopics(String... topics);

    /** Changes settings of a topic; settings not named keep their values. */
    void alterTopic(String topic, Map<String, String> settings);

    /** Deletes a topic and its records. */
    void deleteTopic(String topic);

    /** The cluster's nodes and the leaders of the named topics' partitions (every topic when none is named). */
    ClusterMetadata metadata(String... topics);

    /**
     * The cluster's consumer-group coordinator, over the protocol: the same contract, and the same
     * semantics, as the broker's own coordinator (decision 0012). One instance per client, thread-safe,
     * stateless beyond this client's connections.
     *
     * <p>Every call blocks until answered or until the call timeout ({@link ClientOptions#callTimeout()})
     * passes ({@link TimedOutException}, or {@link NoNodesAvailableException} naming why each try failed).
     * Heartbeat, leave, commit, committed offsets, list and describe are idempotent and are sent again when
     * the connection is lost, within that timeout; a reset is sent once ({@link ConnectionLostException}
     * when its answer is lost). The broker's errors arrive as the {@code io.tributary.group} exceptions
     * ({@link io.tributary.group.UnknownMemberException}, {@link io.tributary.group.FencedMemberException},
     * {@link io.tributary.group.UnknownGroupException}, {@link io.tributary.group.GroupNotEmptyException},
     * {@link io.tributary.group.InvalidGroupNameException}, {@link io.tributary.group.GroupLimitException}),
     * {@link TopicNotFoundException}, or {@link BrokerErrorException}, with the broker's message.
     *
     * <p>Members should heartbeat on a thread of their own, and, since a commit waits until it is durable,
     * not on the thread that heartbeats.
     *
     */
    GroupCoordinator groups();

    /** A batching producer for the connection string's topic, with default options. */
    Producer producer();

    /** A batching producer for {@code topic}, with default options. */
    Producer producer(String topic);

    /** A batching producer for {@code topic}. Close it before this client. */
    Producer producer(String topic, ProducerOptions options);

    /** Closes every connection; calls in progress fail with {@link ConnectionLostException}. Idempotent. */
    @Override
    void close();
}
