package io.shortener.link;

import java.util.Optional;

/**
 * What memory alone says about a code, without waiting on a server: the link, or that there is none
 * ({@code known}), or nothing ({@link #UNKNOWN}: only a server can tell).
 */
public record MemoryAnswer(boolean known, Optional<Link> link) {

    public static final MemoryAnswer UNKNOWN = new MemoryAnswer(false, Optional.empty());

    public static MemoryAnswer of(Optional<Link> link) {
        return new MemoryAnswer(true, link);
    }
}
