package io.shortener.safety;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocked domains (each covering its subdomains: {@code evil.example} blocks {@code a.evil.example}) and
 * blocked links, held in memory for the create and the redirect paths to ask without waiting, and read
 * again every {@code refresh}: from Cassandra (only when its version changed) and from the operator's
 * file (only when it changed). A change made through this instance applies here at once; everywhere
 * else within {@code refresh}.
 */
public final class Blocklist implements Managed, BlockedDomains {

    static final String FILE = "blocklist file";

    private static final Logger LOG = LoggerFactory.getLogger(Blocklist.class);

    private final BlocklistStore store;
    private final Path file;
    private final Duration refresh;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private UUID domainsVersion;
    private UUID linksVersion;
    private FileTime fileVersion;
    private Map<String, BlockedEntry> storedDomains = Map.of();
    private Map<String, BlockedEntry> fileDomains = Map.of();
    private Map<String, BlockedEntry> storedLinks = Map.of();

    public Blocklist(BlocklistStore store, Path file, Duration refresh, ScheduledExecutorService scheduler, Clock clock) {
        this.store = store;
        this.file = file;
        this.refresh = refresh;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** What every instance blocks, at a moment: domains from the store and the file, links from the store. */
    record Snapshot(Map<String, BlockedEntry> domains, Map<String, BlockedEntry> links) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of());

        boolean isEmpty() {
            return domains.isEmpty() && links.isEmpty();
        }
    }

    @Override
    public void start() {
        reload();
        long millis = refresh.toMillis();
        scheduler.scheduleWithFixedDelay(this::reloadQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The blocked domain that covers {@code host} (the host itself or a parent), if any. */
    @Override
    public Optional<BlockedEntry> domainBlocking(String host) {
        Map<String, BlockedEntry> domains = snapshot.domains();
        if (domains.isEmpty()) {
            return Optional.empty();
        }
        String name = TargetHosts.normalize(host);
        while (true) {
            BlockedEntry entry = domains.get(name);
            if (entry != null) {
                return Optional.of(entry);
            }
            int dot = name.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            name = name.substring(dot + 1);
        }
    }

    /** Why a link may not redirect: its own entry, or its target's domain; empty if it may. Costs nothing while nothing is blocked. */
    public Optional<String> refusal(String code, String url) {
        Snapshot current = snapshot;
        if (current.isEmpty()) {
            return Optional.empty();
        }
        BlockedEntry link = current.links().get(code);
        if (link != null) {
            return Optional.of("the link '" + code + "' is blocked" + because(link));
        }
        String host = UrlHosts.hostOf(url);
        return host == null ? Optional.empty() : domainBlocking(host)
                .map(domain -> "the link '" + code + "' leads to " + domain.value() + ", a blocked domain" + because(domain));
    }

    private static String because(BlockedEntry entry) {
        return entry.reason() == null || entry.reason().isBlank() ? "" : ": " + entry.reason();
    }

    public Snapshot current() {
        return snapshot;
    }

    public BlockedEntry blockDomain(String domain, String reason, String by) {
        return block(BlocklistStore.DOMAIN, domain, reason, by);
    }

    /** Whether the domain was in the stored list (the file's entries are the file's to remove). */
    public boolean unblockDomain(String domain) {
        return unblock(BlocklistStore.DOMAIN, domain, storedDomains);
    }

    public boolean isInFile(String domain) {
        return fileDomains.containsKey(domain);
    }

    public BlockedEntry blockLink(String code, String reason, String by) {
        return block(BlocklistStore.LINK, code, reason, by);
    }

    public boolean unblockLink(String code) {
        return unblock(BlocklistStore.LINK, code, storedLinks);
    }

    /** Stores the entry and reloads: the instance that took the change applies it at once. */
    private BlockedEntry block(String kind, String value, String reason, String by) {
        BlockedEntry entry = new BlockedEntry(value, reason, by, clock.instant());
        store.add(kind, entry);
        reload();
        return entry;
    }

    private boolean unblock(String kind, String value, Map<String, BlockedEntry> stored) {
        boolean present = stored.containsKey(value);
        store.remove(kind, value);
        reload();
        return present;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            // The last list stays in force; the next refresh tries again.
            LOG.warn("could not refresh the blocklist: {}", e.toString());
        }
    }

    /** Reads what changed since the last reload and publishes a new snapshot. */
    synchronized void reload() {
        boolean changed = false;
        UUID domains = store.version(BlocklistStore.DOMAIN);
        if (!Objects.equals(domains, domainsVersion)) {
            storedDomains = byValue(store.entries(BlocklistStore.DOMAIN));
            domainsVersion = domains;
            changed = true;
        }
        UUID links = store.version(BlocklistStore.LINK);
        if (!Objects.equals(links, linksVersion)) {
            storedLinks = byValue(store.entries(BlocklistStore.LINK));
            linksVersion = links;
            changed = true;
        }
        if (file != null) {
            FileTime modified = modified(file);
            if (!Objects.equals(modified, fileVersion)) {
                fileDomains = byValue(BlocklistFile.read(file, clock.instant()));
                fileVersion = modified;
                changed = true;
                LOG.info("blocklist file {}: {} domains", file, fileDomains.size());
            }
        }
        if (changed) {
            Map<String, BlockedEntry> allDomains = new HashMap<>(fileDomains);
            allDomains.putAll(storedDomains);
            snapshot = new Snapshot(Map.copyOf(allDomains), Map.copyOf(storedLinks));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, BlockedEntry> byValue(List<BlockedEntry> entries) {
        Map<String, BlockedEntry> map = new HashMap<>();
        for (BlockedEntry entry : new ArrayList<>(entries)) {
            map.put(entry.value(), entry);
        }
        return map;
    }
}
