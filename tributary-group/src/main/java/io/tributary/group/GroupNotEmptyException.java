package io.tributary.group;

/**
 * An operation that needs a group without members (resetting its offsets) found members; stop them (or
 * wait for their session timeout) and try again.
 */
public class GroupNotEmptyException extends GroupException {

    public GroupNotEmptyException(String message) {
        super(message);
    }
}
