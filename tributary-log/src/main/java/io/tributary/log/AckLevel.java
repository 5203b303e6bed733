package io.tributary.log;

/**
 * When an append's future completes.
 *
 * <p>{@link #WRITTEN} trades safety for latency: the offsets are known once the bytes are in the
 * segment file, but in {@link Durability#FSYNC} mode a crash before the next group commit loses the
 * batch. Readers see a batch only once it is committed, whichever level its writer chose.
 */
public enum AckLevel {

    /** Once the batch is written to the segment file (the page cache). */
    WRITTEN,

    /** Once the batch is committed under the log's durability mode; the default. */
    COMMITTED
}
