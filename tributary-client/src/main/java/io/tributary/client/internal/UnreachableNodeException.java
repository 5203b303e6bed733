package io.tributary.client.internal;

import io.tributary.api.TributaryException;
import io.tributary.client.NodeAddress;

/**
 * A TCP connection to a node could not be opened. Nothing was sent, so any request may safely go to
 * another node. The client turns it into {@link io.tributary.client.NoNodesAvailableException} when no
 * node is left to try.
 */
public final class UnreachableNodeException extends TributaryException {

    private final NodeAddress node;

    public UnreachableNodeException(NodeAddress node, String message, Throwable cause) {
        super(message, cause);
        this.node = node;
    }

    public NodeAddress node() {
        return node;
    }
}
