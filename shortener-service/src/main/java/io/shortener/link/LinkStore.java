package io.shortener.link;

import java.time.Instant;
import java.util.Optional;

/** Where links are kept. Codes are never reused: a deleted link still holds its code. */
public interface LinkStore {

    /** Stores a link with a generated code, which no other link can hold (Snowflake IDs are unique). */
    void insert(Link link);

    /** Stores a link under a chosen alias if no link, live or deleted, holds that code yet. */
    boolean claim(Link link);

    /** The live link with this code (expired ones included; deleted ones not). */
    Optional<Link> find(String code);

    /** What {@link #find} would answer, if this store can say it from memory without waiting on a server. */
    default MemoryAnswer findInMemory(String code) {
        return MemoryAnswer.UNKNOWN;
    }

    /** Marks the live link with this code deleted; false if there is none. */
    boolean delete(String code, Instant at);
}
