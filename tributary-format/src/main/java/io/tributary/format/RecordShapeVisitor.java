package io.tributary.format;

/**
 * Receives what each record's encoding says about its size, read without decoding the record: see
 * {@link RecordBatch#visitRecordShapes(RecordShapeVisitor)}. Called on the caller's thread, once per
 * record in offset order; an implementation stops the walk by throwing.
 */
@FunctionalInterface
public interface RecordShapeVisitor {

    /**
     * @param index        the record's position in its batch, 0 to {@code recordCount - 1} (its offset delta)
     * @param headerCount  how many headers it carries
     * @param payloadBytes bytes of its key, value, header names (UTF-8) and header values together
     */
    void visit(int index, int headerCount, long payloadBytes);
}
