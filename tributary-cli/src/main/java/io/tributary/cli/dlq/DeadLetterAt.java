package io.tributary.cli.dlq;

import io.tributary.EventPosition;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --position P@O}: a dead letter's partition and offset in its dead-letter topic, as {@code dlq list}
 * prints them first on each line.
 *
 * @param partition the partition of the dead-letter topic
 * @param offset    the offset there
 */
record DeadLetterAt(int partition, long offset) {

    boolean isAt(EventPosition position) {
        return position.partition() == partition && position.offset() == offset;
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }

    /** Reads {@code 0@42}. */
    static final class Converter implements ITypeConverter<DeadLetterAt> {
        @Override
        public DeadLetterAt convert(String text) {
            int at = text.indexOf('@');
            try {
                if (at > 0) {
                    int partition = Integer.parseInt(text.substring(0, at));
                    long offset = Long.parseLong(text.substring(at + 1));
                    if (partition >= 0 && offset >= 0) {
                        return new DeadLetterAt(partition, offset);
                    }
                }
            } catch (NumberFormatException notNumbers) {
                // the message below
            }
            throw new TypeConversionException("'" + text + "' is not a position; write PARTITION@OFFSET as dlq list"
                    + " prints it, e.g. 0@42");
        }
    }
}
