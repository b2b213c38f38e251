package io.shortener.link;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

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

    /**
     * Edits the live link with this code, as stored now (not as a cache may hold it): {@code edit} gives the
     * new version (only its URL, expiry, redirect type, title and tags are kept) or throws to refuse. The
     * link as it is afterwards; empty if there is none. An edit that changes nothing writes nothing.
     */
    Optional<Link> update(String code, UnaryOperator<Link> edit, Instant at);

    /** When the stored link was last updated, if it ever was: the version another region waits for. */
    default Optional<Instant> updatedAt(String code) {
        return Optional.empty();
    }
}
