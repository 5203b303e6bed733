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
     * After the write reaches the page cache. A machine crash (not a process crash) loses acked data;
     * for users who accept that risk. The log still starts an fsync in the background after every
     * 8 MiB written, which bounds the loss and keeps the kernel from throttling writers.
     */
    OS
}
