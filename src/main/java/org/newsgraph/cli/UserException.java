package org.newsgraph.cli;

/** A mistake in what the user asked for: reported on one line, exit code 1. */
public final class UserException extends RuntimeException {
    public UserException(String message) {
        super(message, null, false, false);
    }
}
