package io.tributary.log;

/** An appended batch is larger than {@code tributary.log.max-batch-bytes}. */
public final class BatchTooLargeException extends LogException {

    public BatchTooLargeException(String message) {
        super(message);
    }
}
