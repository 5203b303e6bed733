package io.tributary.format;

import io.tributary.api.TributaryException;

/** Bytes that are not a valid batch: unknown format version, impossible length, or a checksum mismatch. */
public final class CorruptBatchException extends TributaryException {

    public CorruptBatchException(String message) {
        super(message);
    }

    /** The same, keeping the exception of the library that found the problem (a decompressor). */
    public CorruptBatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
