package io.shortener.link;

import com.fasterxml.jackson.databind.JsonNode;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.error.ApiException;
import io.shortener.idgen.ShortCodes;
import io.shortener.password.PasswordHashes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import io.shortener.rules.RedirectRules;
import io.shortener.rules.RulesParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Creating, reading, editing and deleting links: every rule about a link's fields is checked here, before anything
 * is stored, and who may do it: a caller works on its own account's links (an admin key on every
 * account's); another account's link is answered as if it did not exist. Redirects ({@link #find}) are public.
 */
public final class LinkService {

    /** The largest maxVisits: a billion (a link meant to stop after more visits than that is meant never to stop). */
    public static final long MAX_VISITS = 1_000_000_000L;

    private final LinkStore store;
    private final ShortCodes codes;
    private final TargetUrlPolicy urls;
    private final AliasPolicy aliases;
    private final RedirectType defaultRedirect;
    private final Clock clock;
    private final BiConsumer<String, String> created;
    private final PasswordHashes passwords;

    /** {@code created}: told each new link's code and URL once it is stored (the link checks). */
    public LinkService(LinkStore store, ShortCodes codes, TargetUrlPolicy urls, AliasPolicy aliases,
                       RedirectType defaultRedirect, Clock clock, BiConsumer<String, String> created, PasswordHashes passwords) {
        this.created = created;
        this.passwords = passwords;
        this.store = store;
        this.codes = codes;
        this.urls = urls;
        this.aliases = aliases;
        this.defaultRedirect = defaultRedirect;
        this.clock = clock;
    }

    public Link create(CreateLinkRequest request, Caller caller) {
        return create(request, caller, null);
    }

    /**
     * A create as an import makes it: the link keeps the code it had elsewhere ({@code request.alias()},
     * required) and, if known, the time it was made there ({@code createdAt}; null for now).
     */
    public Link importLink(CreateLinkRequest request, Instant createdAt, Caller caller) {
        if (request == null || request.alias() == null) {
            throw ApiException.badRequest("an imported link needs its code");
        }
        if (createdAt != null && createdAt.isAfter(clock.instant())) {
            throw ApiException.badRequest("the created date is in the future");
        }
        return create(request, caller, createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS));
    }

    private Link create(CreateLinkRequest request, Caller caller, Instant createdAtElsewhere) {
        caller.require(Scope.LINKS_WRITE);
        if (request == null) {
            throw ApiException.badRequest("a JSON body with at least a url is required");
        }
        String url = urls.check(UtmParameters.merge(request.url(), request.utm()));
        if (request.alias() != null) {
            aliases.check(request.alias());
        }
        Instant expiresAt = expiry(request.expiresAt());
        RedirectType redirectType = redirectType(request.redirectType());
        String title = LinkLabels.title(request.title());
        List<String> tags = LinkLabels.tags(request.tags());
        RedirectRules rules = RulesParser.parse(request.rules(), urls::check);
        Long maxVisits = maxVisits(request.maxVisits());
        String passwordHash = request.password() == null ? null : passwords.hash(request.password());

        long id = codes.nextId();
        Instant createdAt = createdAtElsewhere != null ? createdAtElsewhere : codes.decompose(id).timestamp();
        if (request.alias() == null) {
            Link link = new Link(codes.codeFor(id), id, url, createdAt, expiresAt, redirectType, false, caller.account(), title, tags,
                    rules, maxVisits, passwordHash);
            store.insert(link);
            check(link, null);
            return link;
        }
        Link link = new Link(request.alias(), id, url, createdAt, expiresAt, redirectType, true, caller.account(), title, tags, rules,
                maxVisits, passwordHash);
        if (!store.claim(link)) {
            throw new ApiException(409, "alias '" + request.alias() + "' is already taken");
        }
        check(link, null);
        return link;
    }

    /** Hands the link checks every target of a link that {@code before} (null for a new link) did not have. */
    private void check(Link link, Link before) {
        Set<String> known = new HashSet<>();
        if (before != null) {
            known.add(before.url());
            before.rules().urls().forEach(known::add);
        }
        Stream.concat(Stream.of(link.url()), link.rules().urls()).distinct().filter(url -> !known.contains(url))
                .forEach(url -> created.accept(link.code(), url));
    }

    /** A target URL as a create would store it (checked and normalised), or the create's 400. */
    public String targetOf(String url) {
        return urls.check(url);
    }

    /** The live link with this code, expired or not. */
    public Optional<Link> find(String code) {
        if (!AliasPolicy.isCodeForm(code)) {
            // Neither a generated code nor a claimable alias: no need to ask the store.
            return Optional.empty();
        }
        return store.find(code);
    }

    /** {@link #find} from memory alone: {@link MemoryAnswer#UNKNOWN} when only the store's servers can tell. */
    public MemoryAnswer findInMemory(String code) {
        if (!AliasPolicy.isCodeForm(code)) {
            return MemoryAnswer.of(Optional.empty());
        }
        return store.findInMemory(code);
    }

    /** The link, if the caller may see it (with {@code scope}); 404 for a link of another account, as for none. */
    public Link get(String code, Caller caller, Scope scope) {
        caller.require(scope);
        return find(code).filter(caller::sees).orElseThrow(() -> notFound(code));
    }

    /**
     * Applies a JSON merge patch (RFC 7396) to the caller's link: {@code url}, {@code expiresAt},
     * {@code redirectType}, {@code title}, {@code tags} and {@code rules} (replaced whole); a member set to null removes the value (the
     * redirect type goes back to the default; a URL cannot be removed). Every member is checked as on
     * create before anything is written; a patch that changes nothing writes nothing.
     */
    public Link update(String code, JsonNode patch, Caller caller) {
        caller.require(Scope.LINKS_WRITE);
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest("a JSON merge patch object is required, like {\"url\": \"https://example.com/new\"}");
        }
        if (!AliasPolicy.isCodeForm(code)) {
            throw notFound(code);
        }
        // Whose it is is checked on the version the edit starts from: one read, of the store itself.
        AtomicReference<Link> before = new AtomicReference<>();
        Link after = store.update(code, stored -> {
            if (!caller.sees(stored)) {
                throw notFound(code);
            }
            before.set(stored);
            return patched(stored, patch);
        }, clock.instant()).orElseThrow(() -> notFound(code));
        // The link checks look at a new target as at a new link's.
        check(after, before.get());
        return after;
    }

    private Link patched(Link before, JsonNode patch) {
        String url = before.url();
        Instant expiresAt = before.expiresAt();
        RedirectType redirectType = before.redirectType();
        String title = before.title();
        List<String> tags = before.tags();
        RedirectRules rules = before.rules();
        Long maxVisits = before.maxVisits();
        String passwordHash = before.passwordHash();
        Map<String, String> utm = null;
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            JsonNode value = member.getValue();
            switch (member.getKey()) {
                case "url" -> url = urls.check(text("url", value, false));
                case "expiresAt" -> expiresAt = expiry(text("expiresAt", value, true));
                case "redirectType" -> redirectType = redirectType(whole("redirectType", value));
                case "title" -> title = LinkLabels.title(text("title", value, true));
                case "tags" -> tags = LinkLabels.tags(textList("tags", value));
                case "utm" -> utm = utm(value);
                case "rules" -> rules = RulesParser.parse(value, urls::check);
                case "maxVisits" -> maxVisits = maxVisits(value);
                case "password" -> passwordHash = value.isNull() ? null : passwords.hash(text("password", value, true));
                case "alias", "code" -> throw ApiException.badRequest("a link's code cannot change: create a new link instead");
                default -> throw ApiException.badRequest("'" + member.getKey() + "' cannot be patched: url, utm, expiresAt, redirectType, title, tags, rules, maxVisits and password can");
            }
        }
        if (utm != null) {
            url = urls.check(UtmParameters.merge(url, utm));
        }
        return new Link(before.code(), before.id(), url, before.createdAt(), expiresAt, redirectType, before.customAlias(),
                before.owner(), title, tags, rules, maxVisits, passwordHash);
    }

    /** The {@code utm} member of a patch; null removes every UTM parameter. */
    private static Map<String, String> utm(JsonNode value) {
        Map<String, String> utm = new java.util.LinkedHashMap<>();
        if (value.isNull()) {
            UtmParameters.FIELDS.forEach(field -> utm.put(field, null));
            return utm;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest("utm must be an object like {\"source\": \"newsletter\"}, or null to remove every utm_ parameter");
        }
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            utm.put(field.getKey(), text("utm." + field.getKey(), field.getValue(), true));
        }
        return utm;
    }

    private static String text(String name, JsonNode value, boolean nullable) {
        if (value.isNull() && nullable) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(name + (nullable ? " must be a string, or null to remove it" : " must be a string"));
        }
        return value.textValue();
    }

    private static Integer whole(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiException.badRequest(name + " must be 301, 302, 307 or 308, or null for the default");
        }
        return value.intValue();
    }

    private static List<String> textList(String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw ApiException.badRequest(name + " must be an array of strings, or null to remove them all");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ApiException.badRequest(name + " must be an array of strings");
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    public void delete(String code, Caller caller) {
        get(code, caller, Scope.LINKS_WRITE);
        if (!store.delete(code, clock.instant())) {
            throw notFound(code);
        }
    }

    private static ApiException notFound(String code) {
        return ApiException.notFound("no link with code '" + code + "'");
    }

    private Instant expiry(String expiresAt) {
        if (expiresAt == null) {
            return null;
        }
        Instant parsed;
        try {
            // Cassandra keeps milliseconds: truncate now, so the stored and returned times agree.
            parsed = OffsetDateTime.parse(expiresAt).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("expiresAt must be an ISO-8601 date-time with an offset, like 2026-12-31T23:59:00Z");
        }
        if (!parsed.isAfter(clock.instant())) {
            throw ApiException.badRequest("expiresAt must be in the future");
        }
        return parsed;
    }

    /** The most human visits a link may have: a whole number from 1 to {@value #MAX_VISITS}; null (or JSON null) for no limit. */
    private static Long maxVisits(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1 || value.longValue() > MAX_VISITS) {
            throw ApiException.badRequest("maxVisits must be a whole number from 1 to " + MAX_VISITS + ", or null for no limit");
        }
        return value.longValue();
    }

    private RedirectType redirectType(Integer status) {
        if (status == null) {
            return defaultRedirect;
        }
        return RedirectType.ofStatus(status).orElseThrow(
                () -> ApiException.badRequest("redirectType must be 301, 302, 307 or 308"));
    }
}
