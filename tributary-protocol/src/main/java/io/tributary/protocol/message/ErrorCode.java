package io.tributary.protocol.message;

/**
 * Why a request, or one topic or partition of it, failed. Codes are stable int16 values, never reused;
 * names are the vocabulary the client's exceptions, the CLI and the docs use.
 *
 * <p>{@link #retriable()} says whether the same request may succeed if sent again later (after a
 * metadata refresh, a backoff): the client's producer retries those and gives up on the others at once.
 */
public enum ErrorCode {

    NONE(0, false, "no error"),
    UNKNOWN_SERVER_ERROR(1, false, "the server failed unexpectedly (its log has the details); also what an unknown code reads as"),
    CORRUPT_MESSAGE(2, true, "a batch failed its checksum or does not parse; it may have been damaged on the way, so resend it"),
    UNKNOWN_TOPIC(3, false, "the topic does not exist; create it first"),
    UNKNOWN_PARTITION(4, false, "the topic has no partition with that number"),
    NOT_LEADER(5, true, "this node does not lead the partition; refresh metadata and send to the leader"),
    RECORD_TOO_LARGE(6, false, "a batch or one of its records breaks a limit: tributary.log.max-batch-bytes, "
            + "tributary.broker.max-record-bytes or tributary.broker.max-headers; the message names which"),
    REQUEST_TOO_LARGE(7, false, "the request is larger than tributary.broker.max-request-bytes; send less per request"),
    INVALID_TOPIC_NAME(8, false, "a topic name breaks the rule [a-zA-Z0-9._-]{1,249}"),
    TOPIC_ALREADY_EXISTS(9, false, "a topic with that name exists"),
    OUT_OF_ORDER_SEQUENCE(10, false, "an idempotent producer's batch skips sequence numbers: batches were lost"),
    PRODUCER_FENCED(11, false, "a newer epoch of the same producer id is writing; this producer must stop"),
    CLUSTER_ID_MISMATCH(12, false, "the server belongs to another cluster than the connection string names"),
    UNSUPPORTED_VERSION(13, false, "the server does not speak this version of the api"),
    UNSUPPORTED_API(14, false, "the server does not know this api key"),
    INVALID_REQUEST(15, false, "the request does not follow the protocol or has impossible values"),
    TIMED_OUT(16, true, "the request did not complete within its timeout (e.g. waiting for commit)"),
    POLICY_VIOLATION(17, false, "the server's policy forbids this (e.g. deleting an internal topic)"),
    TOO_MANY_CONNECTIONS(18, true, "the server has as many connections as it accepts; retry after a backoff"),
    OFFSET_OUT_OF_RANGE(19, false, "the offset is below the log start or past the end; restart from one of them"),
    INVALID_CONFIG(20, false, "a topic setting is unknown or its value is invalid"),
    TOO_MANY_WAITING_READS(21, true, "the partition has as many long polls waiting as tributary.log.max-read-waiters "
            + "allows; retry after a backoff"),
    UNKNOWN_MEMBER(22, false, "the group does not know the member: it left, its session timed out, or the coordinator "
            + "restarted; drop its partitions without committing and join again"),
    FENCED_MEMBER(23, false, "the member does not hold the partition in the generation it named (the partition moved, "
            + "or the commit is from an earlier ownership); the commit was refused: stop handling the partition"),
    UNKNOWN_GROUP(24, false, "no group of that name has members or committed offsets"),
    GROUP_NOT_EMPTY(25, false, "the group has members; stop them (or wait for their session timeout) and try again"),
    INVALID_GROUP_NAME(26, false, "a group name breaks the rule [a-zA-Z0-9._-]{1,249}"),
    GROUP_LIMIT_REACHED(27, false, "the coordinator has tributary.group.max-groups groups or the group has "
            + "tributary.group.max-members members; the message names which");

    private static final ErrorCode[] BY_CODE = byCode();

    private final short code;
    private final boolean retriable;
    private final String description;

    ErrorCode(int code, boolean retriable, String description) {
        this.code = (short) code;
        this.retriable = retriable;
        this.description = description;
    }

    /** The stable int16 written on the wire. */
    public short code() {
        return code;
    }

    /** Whether sending the same request again later may succeed. */
    public boolean retriable() {
        return retriable;
    }

    /** What the code means and, where there is one, the way out. */
    public String description() {
        return description;
    }

    /**
     * The error with {@code code}. A code this build does not know (from a newer peer) reads as
     * {@link #UNKNOWN_SERVER_ERROR}: still an error, never mistaken for success.
     */
    public static ErrorCode forCode(short code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null ? BY_CODE[code] : UNKNOWN_SERVER_ERROR;
    }

    /** Whether {@code code} names an error this build knows. */
    public static boolean isKnown(short code) {
        return code >= 0 && code < BY_CODE.length && BY_CODE[code] != null;
    }

    private static ErrorCode[] byCode() {
        int max = 0;
        for (ErrorCode error : values()) {
            max = Math.max(max, error.code);
        }
        ErrorCode[] table = new ErrorCode[max + 1];
        for (ErrorCode error : values()) {
            if (table[error.code] != null) {
                throw new IllegalStateException("error code " + error.code + " is used by " + table[error.code] + " and " + error);
            }
            table[error.code] = error;
        }
        return table;
    }
}
