package io.tributary.group;

/** No group of that name has members or committed offsets. */
public class UnknownGroupException extends GroupException {

    public UnknownGroupException(String message) {
        super(message);
    }
}
