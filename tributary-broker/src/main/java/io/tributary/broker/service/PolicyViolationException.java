package io.tributary.broker.service;

import io.tributary.api.TributaryException;

/**
 * The broker's policy forbids the request, e.g. creating, producing to or deleting an internal topic
 * ({@code POLICY_VIOLATION}, HTTP 403). The message says what is forbidden, why, and what to do instead.
 */
public final class PolicyViolationException extends TributaryException {

    public PolicyViolationException(String message) {
        super(message);
    }
}
