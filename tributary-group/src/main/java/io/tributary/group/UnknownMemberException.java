package io.tributary.group;

/**
 * The group does not know the member: it left, its session timed out (no heartbeat within
 * {@code tributary.group.session-timeout}), it kept a partition past {@code tributary.group.rebalance-timeout}
 * after being asked to give it up, or the coordinator restarted. Its partitions may belong to others
 * already: the member must stop handling them at once, <em>without</em> committing, and join again.
 */
public class UnknownMemberException extends GroupException {

    public UnknownMemberException(String message) {
        super(message);
    }
}
