package io.tributary.group;

/** A group name breaks the rule of {@link GroupName}. */
public class InvalidGroupNameException extends GroupException {

    public InvalidGroupNameException(String message) {
        super(message);
    }
}
