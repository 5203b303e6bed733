package io.tributary.group;

/**
 * A commit was refused because the member does not own the partition in the generation it named: the
 * partition moved to another member, or the commit comes from an earlier time the member owned it. The
 * member must stop handling that partition without committing; its next heartbeat tells it what it owns.
 */
public class FencedMemberException extends GroupException {

    public FencedMemberException(String message) {
        super(message);
    }
}
