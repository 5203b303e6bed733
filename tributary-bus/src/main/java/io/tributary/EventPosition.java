package io.tributary;

/**
 * Where a published event was committed.
 *
 * @param topic     the topic
 * @param partition the partition the event's key (or the spreading of key-less events) chose
 * @param offset    the event's offset in that partition
 */
public record EventPosition(String topic, int partition, long offset) {

    public EventPosition {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset cannot be negative, got " + partition + " and " + offset);
        }
    }

    @Override
    public String toString() {
        return topic + "/" + partition + "@" + offset;
    }
}
