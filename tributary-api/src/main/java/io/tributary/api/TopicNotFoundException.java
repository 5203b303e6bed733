package io.tributary.api;

/** The topic does not exist (and the broker does not create topics on first use). */
public final class TopicNotFoundException extends TributaryException {

    public TopicNotFoundException(String message) {
        super(message);
    }
}
