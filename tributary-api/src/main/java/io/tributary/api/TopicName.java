package io.tributary.api;

import java.util.regex.Pattern;

/**
 * A topic's name: 1 to 249 characters of {@code [a-zA-Z0-9._-]}, and neither {@code .} nor {@code ..}
 * (they are directory names on disk). Validated on construction.
 *
 * @param value the name
 */
public record TopicName(String value) implements Comparable<TopicName> {

    /** Longest name, so that {@code <name>.<group>.dlq} and partition directories stay within file-name limits. */
    public static final int MAX_LENGTH = 249;
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    public TopicName {
        if (!isValid(value)) {
            throw new InvalidTopicNameException("topic name '" + value + "' is invalid: use 1 to " + MAX_LENGTH
                    + " characters of a-z, A-Z, 0-9, '.', '_' and '-' (not '.' or '..'), e.g. orders or billing.events");
        }
    }

    public static TopicName of(String value) {
        return new TopicName(value);
    }

    /** Whether {@code value} follows the rule, without building a name or throwing. */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && LEGAL.matcher(value).matches()
                && !value.equals(".") && !value.equals("..");
    }

    @Override
    public int compareTo(TopicName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
