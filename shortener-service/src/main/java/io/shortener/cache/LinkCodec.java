package io.shortener.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.link.Link;
import io.shortener.link.RedirectType;
import io.shortener.rules.RulesParser;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Cache entries as Redis strings: "-" for an absent code, a small JSON object for a link. */
public final class LinkCodec {

    private static final String ABSENT = "-";

    /**
     * Short field names: millions of these sit in Redis. Title, tags, rules (x), maximum visits (m) and the
     * password's hash (p) are left out when a link has none.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Stored(String c, long i, String u, long t, Long e, int r, boolean a, String o, String n, List<String> g, String x, Long m,
                  String p) {
    }

    private final ObjectMapper json;

    public LinkCodec(ObjectMapper json) {
        this.json = json;
    }

    String encode(CacheEntry entry) {
        if (entry.isAbsent()) {
            return ABSENT;
        }
        Link link = entry.link();
        try {
            return json.writeValueAsString(new Stored(link.code(), link.id(), link.url(), link.createdAt().toEpochMilli(),
                    link.expiresAt() == null ? null : link.expiresAt().toEpochMilli(), link.redirectType().status(),
                    link.customAlias(), link.owner(), link.title(), link.tags(),
                    link.rules().isEmpty() ? null : link.rules().definition().toString(), link.maxVisits(),
                    link.passwordHash()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a link always serialises", e);
        }
    }

    /** The entry, or empty if the value is not one we wrote (then it counts as a miss). */
    Optional<CacheEntry> decode(String value) {
        if (ABSENT.equals(value)) {
            return Optional.of(CacheEntry.ABSENT);
        }
        try {
            Stored stored = json.readValue(value, Stored.class);
            Optional<RedirectType> type = RedirectType.ofStatus(stored.r());
            if (type.isEmpty() || stored.c() == null || stored.u() == null) {
                return Optional.empty();
            }
            return Optional.of(new CacheEntry(new Link(stored.c(), stored.i(), stored.u(), Instant.ofEpochMilli(stored.t()),
                    stored.e() == null ? null : Instant.ofEpochMilli(stored.e()), type.get(), stored.a(), stored.o(), stored.n(), stored.g(), RulesParser.load(stored.x()), stored.m(), stored.p())));
        } catch (JsonProcessingException | IllegalStateException e) {
            return Optional.empty();
        }
    }
}
