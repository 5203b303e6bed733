package io.tributary.group;

import io.tributary.api.TopicName;

/**
 * A consumer group's name: the rule of topic names (1 to 249 characters of {@code [a-zA-Z0-9._-]}), so
 * that the group's dead-letter topic {@code <topic>.<group>.dlq} can be a topic. Validated on
 * construction.
 *
 * @param value the name
 */
public record GroupName(String value) implements Comparable<GroupName> {

    public GroupName {
        if (!TopicName.isValid(value)) {
            throw new InvalidGroupNameException("group name '" + value + "' is invalid: use 1 to " + TopicName.MAX_LENGTH
                    + " characters of a-z, A-Z, 0-9, '.', '_' and '-' (not '.' or '..'), e.g. billing or search.indexer");
        }
    }

    public static GroupName of(String value) {
        return new GroupName(value);
    }

    @Override
    public int compareTo(GroupName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
