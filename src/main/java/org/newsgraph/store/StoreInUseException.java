package org.newsgraph.store;

/** Another process (a running {@code serve}) holds the store, so nothing may write to it. */
public final class StoreInUseException extends StoreException {

    public StoreInUseException(String message) {
        super(message);
    }
}
