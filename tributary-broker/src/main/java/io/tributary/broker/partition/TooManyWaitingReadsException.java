package io.tributary.broker.partition;

import io.tributary.api.TributaryException;

/**
 * A long poll was refused because the partition already has {@code tributary.log.max-read-waiters}
 * reads waiting. Transient: the same read may succeed after a backoff, once some waits have ended.
 */
public final class TooManyWaitingReadsException extends TributaryException {

    public TooManyWaitingReadsException(String message, Throwable cause) {
        super(message, cause);
    }
}
