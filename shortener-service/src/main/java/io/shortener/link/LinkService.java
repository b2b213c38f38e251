package io.shortener.link;

import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.error.ApiException;
import io.shortener.idgen.ShortCodes;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Creating, reading and deleting links: every rule about a link's fields is checked here, before anything
 * is stored, and who may do it: a caller works on its own account's links (an admin key on every
 * account's); another account's link is answered as if it did not exist. Redirects ({@link #find}) are public.
 */
public final class LinkService {

    private final LinkStore store;
    private final ShortCodes codes;
    private final TargetUrlPolicy urls;
    private final AliasPolicy aliases;
    private final RedirectType defaultRedirect;
    private final Clock clock;
    private final BiConsumer<String, String> created;

    public LinkService(LinkStore store, ShortCodes codes, TargetUrlPolicy urls, AliasPolicy aliases,
                       RedirectType defaultRedirect, Clock clock) {
        this(store, codes, urls, aliases, defaultRedirect, clock, (code, url) -> { });
    }

    /** {@code created}: told each new link's code and URL once it is stored (the link checks). */
    public LinkService(LinkStore store, ShortCodes codes, TargetUrlPolicy urls, AliasPolicy aliases,
                       RedirectType defaultRedirect, Clock clock, BiConsumer<String, String> created) {
        this.created = created;
        this.store = store;
        this.codes = codes;
        this.urls = urls;
        this.aliases = aliases;
        this.defaultRedirect = defaultRedirect;
        this.clock = clock;
    }

    public Link create(CreateLinkRequest request, Caller caller) {
        caller.require(Scope.LINKS_WRITE);
        if (request == null) {
            throw ApiException.badRequest("a JSON body with at least a url is required");
        }
        String url = urls.check(request.url());
        if (request.alias() != null) {
            aliases.check(request.alias());
        }
        Instant expiresAt = expiry(request.expiresAt());
        RedirectType redirectType = redirectType(request.redirectType());
        String title = LinkLabels.title(request.title());
        List<String> tags = LinkLabels.tags(request.tags());

        long id = codes.nextId();
        Instant createdAt = codes.decompose(id).timestamp();
        if (request.alias() == null) {
            Link link = new Link(codes.codeFor(id), id, url, createdAt, expiresAt, redirectType, false, caller.account(), title, tags);
            store.insert(link);
            created.accept(link.code(), link.url());
            return link;
        }
        Link link = new Link(request.alias(), id, url, createdAt, expiresAt, redirectType, true, caller.account(), title, tags);
        if (!store.claim(link)) {
            throw new ApiException(409, "alias '" + request.alias() + "' is already taken");
        }
        created.accept(link.code(), link.url());
        return link;
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

    private RedirectType redirectType(Integer status) {
        if (status == null) {
            return defaultRedirect;
        }
        return RedirectType.ofStatus(status).orElseThrow(
                () -> ApiException.badRequest("redirectType must be 301, 302, 307 or 308"));
    }
}
