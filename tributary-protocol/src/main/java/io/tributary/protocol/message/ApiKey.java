package io.tributary.protocol.message;

import java.util.Optional;

/**
 * The operations of the protocol. Each has a stable numeric id (the request header's {@code apiKey},
 * never reused) and a range of versions this build speaks; the request header's {@code apiVersion} picks
 * one. A request with an id or a version outside these is answered with
 * {@link ErrorCode#UNSUPPORTED_API} or {@link ErrorCode#UNSUPPORTED_VERSION}, not a closed connection.
 */
public enum ApiKey {

    /** Append batches to partitions. */
    PRODUCE(0),
    /** Read batches from partitions, waiting up to a deadline for new ones. */
    FETCH(1),
    /** The cluster id, the nodes, and the leader of every partition of some or all topics. */
    METADATA(2),
    /** Create a topic with a number of partitions and settings. */
    CREATE_TOPIC(3),
    /** Delete a topic and its data. */
    DELETE_TOPIC(4),
    /** Settings, offsets and sizes of some topics' partitions; with no names, of every topic (the list). */
    DESCRIBE_TOPICS(5),
    /** Change a topic's settings. */
    ALTER_TOPIC(6),
    /** A partition's log start offset and committed end offset. */
    END_OFFSET(7),
    /** A consumer group member's heartbeat (its first joins): answers the partitions it may hold. */
    GROUP_HEARTBEAT(8),
    /** A member leaves its group. */
    LEAVE_GROUP(9),
    /** A member commits its group's offsets. */
    COMMIT_OFFSETS(10),
    /** A group's committed offsets. */
    FETCH_OFFSETS(11),
    /** Every group, with its state, members and generation. */
    LIST_GROUPS(12),
    /** A group's members, assignment and progress per partition. */
    DESCRIBE_GROUP(13),
    /** Moves a group's committed offsets (earliest, latest, an offset, a time). */
    RESET_OFFSETS(14);

    private static final ApiKey[] BY_ID = byId();

    private final short id;
    private final short minVersion;
    private final short currentVersion;

    ApiKey(int id) {
        this.id = (short) id;
        this.minVersion = 1;
        this.currentVersion = 1;
    }

    /** The stable id written in request headers. */
    public short id() {
        return id;
    }

    /** Oldest version this build still reads. */
    public short minVersion() {
        return minVersion;
    }

    /** Version this build writes, and the newest it reads. */
    public short currentVersion() {
        return currentVersion;
    }

    /** Whether this build reads requests of {@code version}. */
    public boolean supports(short version) {
        return version >= minVersion && version <= currentVersion;
    }

    /** The key with {@code id}, or empty for an id this build does not know. */
    public static Optional<ApiKey> forId(short id) {
        return id >= 0 && id < BY_ID.length ? Optional.ofNullable(BY_ID[id]) : Optional.empty();
    }

    private static ApiKey[] byId() {
        int max = 0;
        for (ApiKey key : values()) {
            max = Math.max(max, key.id);
        }
        ApiKey[] table = new ApiKey[max + 1];
        for (ApiKey key : values()) {
            if (table[key.id] != null) {
                throw new IllegalStateException("api id " + key.id + " is used by " + table[key.id] + " and " + key);
            }
            table[key.id] = key;
        }
        return table;
    }
}
