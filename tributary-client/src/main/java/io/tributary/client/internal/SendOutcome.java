package io.tributary.client.internal;

import io.tributary.api.TributaryException;

/** What became of one attempt to send a batch, as the {@link RecordAccumulator} needs to know it. */
sealed interface SendOutcome {

    /**
     * Appended (or recognised as a retry of a batch already appended).
     *
     * @param partition  the partition the node appended it to
     * @param baseOffset offset of its first record
     */
    record Acked(int partition, long baseOffset) implements SendOutcome {
    }

    /**
     * Not acknowledged.
     *
     * @param error         what went wrong, for the records if the batch is given up
     * @param kind          what it means for the batch
     * @param staleMetadata whether the leader may have moved, so metadata should be refreshed
     */
    record Failed(TributaryException error, Kind kind, boolean staleMetadata) implements SendOutcome {
    }

    /** How a failure bears on the batch. */
    enum Kind {
        /** Certainly not written (refused as a whole, or never sent); send again. */
        NOT_WRITTEN,
        /** The answer was lost: it may have been written. Send the same bytes again; the log drops a duplicate. */
        UNKNOWN,
        /** The log refused it because sequence numbers before it are missing; not written. */
        OUT_OF_ORDER,
        /** The batch is too large for the node; split it, or fail a single record. */
        TOO_LARGE,
        /** Retrying cannot help. */
        FATAL
    }
}
