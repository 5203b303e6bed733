package io.tributary.api;

/** A topic of that name already exists. */
public final class TopicExistsException extends TributaryException {

    public TopicExistsException(String message) {
        super(message);
    }
}
