package org.newsgraph.store;

/**
 * What {@code build --target} sent.
 *
 * @param put graphs sent whole (HTTP PUT)
 * @param triples the triples those held
 * @param deleted graphs deleted (HTTP DELETE)
 * @param same graphs looked at and found as they were sent last time (nothing sent)
 * @param failure the one-line reason the remote did not take everything, or null; what was not
 *     sent is sent by the next build
 */
public record TargetReport(String url, long put, long triples, long deleted, long same, String failure) {

    /** Requests that wrote to the remote. */
    public long writes() {
        return put + deleted;
    }
}
