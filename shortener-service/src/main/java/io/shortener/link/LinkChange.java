package io.shortener.link;

import java.time.Instant;

/** Something that happened to a code which other regions' caches must learn of. */
public record LinkChange(String code, Instant at, Kind kind) {

    public enum Kind {
        /** The link was deleted: caches must drop it. */
        DELETED,
        /** An alias was claimed: a cached "absent" for it must go. */
        CLAIMED,
        /** The link was edited (PATCH): caches must drop the old version. */
        UPDATED
    }
}
