package io.tributary.group;

/** Where a group stands. */
public enum GroupState {
    /** No members; committed offsets are kept for when members return. */
    EMPTY,
    /**
     * Every partition of the target assignment is held by the member it is assigned to, and no member holds a
     * partition it was asked to give up.
     */
    STABLE,
    /** Some partitions are moving: their previous owner has not given them up yet, or nobody took them yet. */
    REBALANCING
}
