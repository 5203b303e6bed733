package io.tributary.broker.service;

import io.tributary.api.TributaryException;

/**
 * A record of a produced batch breaks one of the broker's limits (size, header count). The message names
 * the record, the value, the limit, its key and the way out; {@link #partition()} and {@link #recordIndex()}
 * let a transport name the record in its own terms (the HTTP API names the request's {@code records[i]}).
 */
public final class RecordLimitException extends TributaryException {

    private final int partition;
    private final int recordIndex;
    private final String problem;

    /**
     * @param partition   the partition the batch was for, or {@link BrokerService#ANY_PARTITION} before one was chosen
     * @param recordIndex the record's position in its batch
     * @param problem     what is wrong and the way out, worded to follow "record N of the batch"
     */
    public RecordLimitException(int partition, int recordIndex, String problem) {
        super("record " + recordIndex + " of the batch" + (partition == BrokerService.ANY_PARTITION ? "" : " for partition "
                + partition) + " " + problem);
        this.partition = partition;
        this.recordIndex = recordIndex;
        this.problem = problem;
    }

    /** The partition the batch was for, or {@link BrokerService#ANY_PARTITION} when the broker had not chosen one yet. */
    public int partition() {
        return partition;
    }

    /** The record's position in its batch (its offset delta). */
    public int recordIndex() {
        return recordIndex;
    }

    /** What is wrong with the record and the way out, without naming the record. */
    public String problem() {
        return problem;
    }
}
