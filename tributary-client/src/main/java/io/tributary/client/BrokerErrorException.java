package io.tributary.client;

import io.tributary.api.TributaryException;
import java.util.Objects;

/**
 * A node refused a request, or one partition of it, for a reason that has no exception of its own.
 * {@link #errorCode()} is the protocol's name for it (e.g. {@code OFFSET_OUT_OF_RANGE},
 * {@code PRODUCER_FENCED}, {@code UNKNOWN_PARTITION}; docs/protocol.md lists them all).
 */
public final class BrokerErrorException extends TributaryException {

    private final String errorCode;
    private final boolean retriable;

    public BrokerErrorException(String errorCode, boolean retriable, String message) {
        super(message);
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.retriable = retriable;
    }

    /** The protocol error code's name, e.g. {@code OFFSET_OUT_OF_RANGE}. */
    public String errorCode() {
        return errorCode;
    }

    /** Whether the same request may succeed if sent again later. */
    public boolean retriable() {
        return retriable;
    }
}
