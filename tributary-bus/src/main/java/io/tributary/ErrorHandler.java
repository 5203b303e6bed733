package io.tributary;

import io.tributary.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Told about each event whose {@link EventHandler} failed every attempt of the subscription's {@link Retry}
 * (after the event was written to its group's dead-letter topic, for a subscription with a group). Called on
 * the worker thread that ran the handler, before the partition's next event; an exception it throws is
 * logged and dropped. Each failed attempt is also reported to the {@link SubscriptionListener}.
 */
@FunctionalInterface
public interface ErrorHandler {

    void onError(Event event, Throwable error);

    /** The default: logs the last failure at ERROR with the event's id, type and the handler's exception. */
    static ErrorHandler logging() {
        return LoggingErrorHandler.INSTANCE;
    }
}

/** {@link ErrorHandler#logging()}. */
final class LoggingErrorHandler implements ErrorHandler {

    static final LoggingErrorHandler INSTANCE = new LoggingErrorHandler();
    private static final Logger LOG = LoggerFactory.getLogger(ErrorHandler.class);

    private LoggingErrorHandler() {
    }

    @Override
    public void onError(Event event, Throwable error) {
        LOG.error("handler failed for event {} of type {} (version {}) on its last attempt; carrying on with the next event",
                event.id(), event.type(), event.version(), error);
    }

    @Override
    public String toString() {
        return "ErrorHandler.logging()";
    }
}
