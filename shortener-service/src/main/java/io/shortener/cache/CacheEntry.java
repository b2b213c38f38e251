package io.shortener.cache;

import io.shortener.link.Link;
import java.util.Optional;

/** What a cache level holds for a code: the link, or the fact that there is none (a negative entry). */
public record CacheEntry(Link link) {

    public static final CacheEntry ABSENT = new CacheEntry(null);

    public static CacheEntry of(Optional<Link> link) {
        return link.map(CacheEntry::new).orElse(ABSENT);
    }

    public boolean isAbsent() {
        return link == null;
    }

    public Optional<Link> asOptional() {
        return Optional.ofNullable(link);
    }
}
