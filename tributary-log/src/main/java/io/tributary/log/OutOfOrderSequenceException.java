package io.tributary.log;

/**
 * An idempotent producer's batch does not continue its sequence: a gap (records were lost between
 * producer and log) or a sequence older than the batches the log remembers. Nothing was written.
 */
public final class OutOfOrderSequenceException extends LogException {

    public OutOfOrderSequenceException(String message) {
        super(message);
    }
}
