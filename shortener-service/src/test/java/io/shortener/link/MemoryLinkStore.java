package io.shortener.link;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/** Links by code in memory, and how often they were asked for: the store where a test needs no Cassandra. */
public final class MemoryLinkStore implements LinkStore {

    private final Map<String, Link> links = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile RuntimeException failure;

    public void put(Link link) {
        links.put(link.code(), link);
    }

    /** From now on every {@link #find} throws this (a storage error, or a bug); null: answers again. */
    public void failFindsWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** How many times {@link #find} was called. */
    public int loads() {
        return loads.get();
    }

    @Override
    public void insert(Link link) {
        put(link);
    }

    @Override
    public boolean claim(Link link) {
        return links.putIfAbsent(link.code(), link) == null;
    }

    @Override
    public Optional<Link> find(String code) {
        loads.incrementAndGet();
        RuntimeException failing = failure;
        if (failing != null) {
            throw failing;
        }
        return Optional.ofNullable(links.get(code));
    }

    @Override
    public boolean delete(String code, Instant at) {
        return links.remove(code) != null;
    }

    @Override
    public Optional<Link> update(String code, UnaryOperator<Link> edit, Instant at) {
        return Optional.ofNullable(links.computeIfPresent(code, (key, link) -> edit.apply(link)));
    }
}
