package io.tributary.event;

import io.tributary.api.TributaryException;

/**
 * An event, an event's encoding (a record's headers, a CloudEvents JSON document) or a type pattern that
 * breaks a rule. The message names the attribute, the rule and the way out; {@link #attribute()} names the
 * attribute alone, for an HTTP answer or a log field.
 */
public final class InvalidEventException extends TributaryException {

    private final String attribute;

    /**
     * @param attribute the offending attribute as CloudEvents names it ({@code type}, {@code time}, an
     *                  extension's name), a header name ({@code ce_time}), a JSON path ({@code [2].time}) or
     *                  {@code pattern} for a type pattern
     * @param message   the full message: what, which rule, the way out
     */
    public InvalidEventException(String attribute, String message) {
        super(message);
        this.attribute = attribute;
    }

    /** Like {@link #InvalidEventException(String, String)}, keeping the parser's failure as the cause. */
    public InvalidEventException(String attribute, String message, Throwable cause) {
        super(message, cause);
        this.attribute = attribute;
    }

    /** The offending attribute, header or JSON path, as described at the constructor. */
    public String attribute() {
        return attribute;
    }
}
