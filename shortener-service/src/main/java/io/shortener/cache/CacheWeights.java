package io.shortener.cache;

import io.shortener.link.Link;

/**
 * Roughly how many bytes of heap an L1 entry holds: its strings (one byte a character: codes and stored
 * URLs are ASCII, which the JVM keeps compactly) and a fixed share for the objects around them (the
 * cache's node, the entry, the link record, its instants). An estimate within tens of bytes is enough
 * for a bound that is meant to hold within megabytes.
 */
final class CacheWeights {

    static final int ENTRY_OVERHEAD = 120;
    static final int LINK_OVERHEAD = 200;

    private CacheWeights() {
    }

    static int of(String code, CacheEntry entry) {
        int weight = ENTRY_OVERHEAD + code.length();
        Link link = entry.link();
        if (link != null) {
            weight += LINK_OVERHEAD + link.code().length() + link.url().length() + (link.owner() == null ? 0 : link.owner().length());
        }
        return weight;
    }
}
