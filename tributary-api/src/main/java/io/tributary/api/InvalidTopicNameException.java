package io.tributary.api;

/** A topic name that breaks the naming rule; the message states the rule and gives an example. */
public final class InvalidTopicNameException extends TributaryException {

    public InvalidTopicNameException(String message) {
        super(message);
    }
}
