package io.tributary.log;

/**
 * A batch carries an older epoch than the log has seen for its producer id: another instance with the
 * same id has taken over. Nothing was written; the fenced producer must stop.
 */
public final class ProducerFencedException extends LogException {

    public ProducerFencedException(String message) {
        super(message);
    }
}
