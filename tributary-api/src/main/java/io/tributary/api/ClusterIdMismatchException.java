package io.tributary.api;

/**
 * The cluster id a client or a data directory expects is not the one found. Fatal: retrying cannot
 * help, the configuration points at the wrong cluster or the wrong data.
 */
public final class ClusterIdMismatchException extends TributaryException {

    public ClusterIdMismatchException(String message) {
        super(message);
    }
}
