package io.tributary.client;

import io.tributary.api.TributaryException;
import java.util.List;

/**
 * No node of the cluster could be reached (or none answered in time). The message lists every node
 * tried and why it failed; {@link #nodesTried()} holds the addresses.
 */
public final class NoNodesAvailableException extends TributaryException {

    private final List<NodeAddress> nodesTried;

    public NoNodesAvailableException(String message, List<NodeAddress> nodesTried) {
        super(message);
        this.nodesTried = List.copyOf(nodesTried);
    }

    /** The nodes the client tried, in the order it tried them. */
    public List<NodeAddress> nodesTried() {
        return nodesTried;
    }
}
