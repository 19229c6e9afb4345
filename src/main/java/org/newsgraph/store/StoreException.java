package org.newsgraph.store;

/** A store that cannot be used as asked (locked, not a store, unwritable): a user error, exit 1. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message, null, false, false);
    }
}
