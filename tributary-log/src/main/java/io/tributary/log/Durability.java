package io.tributary.log;

/** When an append counts as committed: acknowledged to the producer and visible to readers. */
public enum Durability {
    /**
     * After the data is on stable storage. Concurrent appends share one fsync (group commit); an idle
     * log syncs at once, a busy one syncs everything that arrived during the previous sync.
     */
    FSYNC,
    /**
     * After the write reaches the page cache; the log fsyncs at most every
     * {@code tributary.log.flush-interval}. A machine crash loses up to one interval of acked data.
     */
    INTERVAL,
    /**
     * After the write reaches the page cache; the operating system decides when to write it back. A
     * machine crash (not a process crash) loses acked data. For users who accept that risk.
     */
    OS
}
