package io.tributary.log.internal;

/**
 * How far the log is committed (or, for the appender, written): the next offset, the segment it falls
 * in and the byte position there. Immutable; the log publishes a new one through a volatile field, so
 * a reader sees an offset and a position that belong together.
 */
record CommitPoint(long nextOffset, Segment segment, long position) {
}
