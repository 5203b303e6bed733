package io.tributary.protocol.message;

/**
 * The {@code state} int8 of {@link ListGroupsResponse} and {@link DescribeGroupResponse}. Stable values; a
 * value this build does not know (from a newer broker) is the client's to report, not an error of the frame.
 */
public final class GroupStateCode {

    /** No members; committed offsets are kept for when members return. */
    public static final byte EMPTY = 0;
    /** Every partition of the target assignment is held by the member it is assigned to. */
    public static final byte STABLE = 1;
    /** Some partitions are moving between members. */
    public static final byte REBALANCING = 2;

    private GroupStateCode() {
    }
}
