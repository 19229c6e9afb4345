package org.newsgraph.mapping;

import java.util.function.Function;
import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;

/**
 * The most recently used results of a function without side effects, shared by the reading
 * threads. Files are read in date order and repeat what files of about the same time say (a
 * related entry, its URL), so a bounded least-recently-used cache keeps what will be asked again
 * without growing with the corpus. Two threads may compute the same result once each; that is
 * cheaper than holding the lock while computing.
 */
final class RecentResults<K, V> {

    private final Cache<K, V> cache;
    private final Function<K, V> function;

    /** {@code function} must never return null. */
    RecentResults(int size, Function<K, V> function) {
        this.cache = CacheFactory.createPlainCache(size);
        this.function = function;
    }

    V get(K key) {
        V value;
        synchronized (cache) {
            value = cache.getIfPresent(key);
        }
        if (value == null) {
            value = function.apply(key);
            synchronized (cache) {
                cache.put(key, value);
            }
        }
        return value;
    }
}
