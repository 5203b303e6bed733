package io.tributary.group;

/**
 * A join was refused because the coordinator has {@code tributary.group.max-groups} groups or the group
 * has {@code tributary.group.max-members} members; the message names which.
 */
public class GroupLimitException extends GroupException {

    public GroupLimitException(String message) {
        super(message);
    }
}
