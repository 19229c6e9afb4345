package org.newsgraph.server;

/** The server cannot start as asked (port, address, configuration); the message is the line a user reads. */
public final class ServerException extends RuntimeException {

    public ServerException(String message) {
        super(message, null, false, false);
    }
}
