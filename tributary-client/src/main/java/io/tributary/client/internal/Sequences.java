package io.tributary.client.internal;

/**
 * Arithmetic of an idempotent producer's sequence numbers, which run from 0 to
 * {@link Integer#MAX_VALUE} and then wrap to 0, as {@code BatchHeader.lastSequence()} computes them.
 */
final class Sequences {

    private Sequences() {
    }

    /** The sequence {@code count} after {@code sequence}. */
    static int after(int sequence, int count) {
        long next = (long) sequence + count;
        return (int) (next > Integer.MAX_VALUE ? next - Integer.MAX_VALUE - 1 : next);
    }
}
