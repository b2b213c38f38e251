package io.shortener.redirect;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.click.ClickEnricher;
import io.shortener.click.ClickRecorder;
import io.shortener.click.UserAgentClassifier;
import io.shortener.click.RawClick;
import io.shortener.client.ClientAddresses;
import io.shortener.error.JsonAnswers;
import io.shortener.limit.RateLimit;
import io.shortener.limit.RedirectLimits;
import io.shortener.safety.Blocklist;
import io.shortener.link.AliasPolicy;
import io.shortener.link.Link;
import io.shortener.link.LinkService;
import io.shortener.link.MemoryAnswer;
import io.shortener.logging.RequestIds;
import io.shortener.rules.Choice;
import io.shortener.rules.Visit;
import io.shortener.password.PasswordGate;
import io.shortener.visits.VisitLimits;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /{code}} (and HEAD): the redirect itself, answered by a Jetty handler in front of Jersey,
 * and its click handed to the click pipeline without waiting.
 * The hot path is a path check, a cache lookup and three headers; Jersey's per-request machinery
 * (injection, URI building, filters) cost more than all of that together. Everything else, and any
 * path that cannot be a code, goes on to Jersey.
 *
 * <p>On an {@link InlineHttpConnection} the handler runs on the selector thread that read the request: a
 * redirect whose link (or its absence) L1 holds is answered there, and everything that may wait (an L1
 * miss loading through Redis and Cassandra, every API request) is handed to a pool thread. On a plain
 * connection it runs on a pool thread and does everything itself, as it also does for a request that the
 * pool thread which answered the previous one on the connection read before the selector did.
 */
public final class RedirectHandler extends Handler.Wrapper {

    /** Redirects answered on the selector thread, from memory, without a handoff (a share of the {@code redirects} timer's count). */
    public static final String ON_SELECTOR_METRIC = "redirects.answered-on-selector";

    private static final Logger LOG = LoggerFactory.getLogger(RedirectHandler.class);
    private static final HttpField NOINDEX = new PreEncodedHttpField("X-Robots-Tag", "noindex");
    private static final HttpField NO_BODY = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, "0");

    private final LinkService links;
    private final RedirectCachePolicy cachePolicy;
    private final Clock clock;
    private final JsonAnswers answers;
    private final Timer timer;
    private final Counter answeredOnSelector;
    private final ClickRecorder clicks;
    private final String countryHeader;
    private final ClientAddresses clients;
    private final RedirectLimits limits;
    private final Blocklist blocklist;
    private final UserAgentClassifier agents;
    private final VisitLimits visits;
    private final PasswordGate passwords;

    /**
     * {@code agents}: classifies the User-Agent for a link whose rules ask for a device or an OS, or that counts
     * its (human) visits; {@code visits}: counts them; {@code passwords}: the door of a password-protected link.
     */
    public RedirectHandler(LinkService links, RedirectCachePolicy cachePolicy, Clock clock, ObjectMapper json, Timer timer,
                           Counter answeredOnSelector, ClickRecorder clicks, String countryHeader, ClientAddresses clients,
                           RedirectLimits limits, Blocklist blocklist, UserAgentClassifier agents, VisitLimits visits,
                           PasswordGate passwords) {
        this.links = links;
        this.cachePolicy = cachePolicy;
        this.clock = clock;
        this.answers = new JsonAnswers(json);
        this.timer = timer;
        this.answeredOnSelector = answeredOnSelector;
        this.clicks = clicks;
        this.countryHeader = countryHeader == null || countryHeader.isBlank() ? null : countryHeader;
        this.clients = clients;
        this.limits = limits;
        this.blocklist = blocklist;
        this.agents = agents;
        this.visits = visits;
        this.passwords = passwords;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String code = redirectCode(request);
        if (!Invocable.isNonBlockingInvocation()) {
            return handleWaiting(request, response, callback, code, null, false);
        }
        // On the selector thread (InlineHttpConnection): answer what memory knows, hand the rest to a pool thread.
        boolean admitted = false;
        InetAddress client = null;
        if (code != null) {
            client = clients.of(request);
            RedirectLimits.Verdict verdict = limits.admitLocally(client);
            if (verdict == RedirectLimits.Verdict.REFUSE) {
                tooMany(request, response, callback, limits.refusal(client), "too many redirects from this address");
                return true;
            }
            admitted = verdict == RedirectLimits.Verdict.ADMIT;
            MemoryAnswer known = admitted ? links.findInMemory(code) : MemoryAnswer.UNKNOWN;
            // A link with a maximum of visits asks Redis for each, and a password's POST reads a body and a slow hash:
            // not on the selector thread.
            if (known.known() && !isPost(request) && known.link().map(link -> link.maxVisits() == null).orElse(true)) {
                answeredOnSelector.inc();
                answer(request, response, callback, code, client, known::link);
                return true;
            }
        }
        boolean paid = admitted;
        InetAddress from = client;
        request.getContext().execute(() -> RequestIds.runWith(request, () -> {
            try {
                if (!handleWaiting(request, response, callback, code, from, paid)) {
                    Response.writeError(request, response, callback, 404);
                }
            } catch (Throwable failure) {
                Response.writeError(request, response, callback, failure);
            }
        }));
        return true;
    }

    /**
     * The redirect, loading a link L1 does not hold through Redis and Cassandra; anything else goes on to
     * Jersey. {@code foundClient}: the client address the selector thread already worked out, or null;
     * {@code admitted}: the redirect already spent its token there.
     */
    private boolean handleWaiting(Request request, Response response, Callback callback, String code, InetAddress foundClient,
                                  boolean admitted) throws Exception {
        if (code == null) {
            return super.handle(request, response, callback);
        }
        InetAddress client = foundClient != null ? foundClient : clients.of(request);
        RateLimit refusal = admitted ? null : limits.admit(client);
        if (refusal != null) {
            tooMany(request, response, callback, refusal, "too many redirects from this address");
            return true;
        }
        MemoryAnswer inMemory = links.findInMemory(code);
        if (inMemory.known()) {
            answer(request, response, callback, code, client, inMemory::link);
            return true;
        }
        RateLimit unknownRefusal = limits.unknownCodesRefused(client);
        if (unknownRefusal != null) {
            tooMany(request, response, callback, unknownRefusal, "too many unknown codes from this address");
            return true;
        }
        answer(request, response, callback, code, client, () -> {
            Optional<Link> found = links.find(code);
            if (found.isEmpty()) {
                limits.unknownCode(client);
            }
            return found;
        });
        return true;
    }

    private void tooMany(Request request, Response response, Callback callback, RateLimit refusal, String what) throws Exception {
        refusal.addTo(response.getHeaders());
        answers.error(response, callback, isHead(request), 429, what + ": try again in " + refusal.retryAfterSeconds() + " s", false);
    }

    /**
     * The code a GET or HEAD asks to be redirected by (or a POST gives a protected link's password for), or
     * null for a request that is not a redirect.
     */
    private static String redirectCode(Request request) {
        String method = request.getMethod();
        if (!isHead(request) && !"GET".equals(method) && !isPost(request)) {
            return null;
        }
        String path = Request.getPathInContext(request);
        return AliasPolicy.isCodeForm(path, 1) ? path.substring(1) : null;
    }

    private static boolean isPost(Request request) {
        return "POST".equals(request.getMethod());
    }

    private static boolean isHead(Request request) {
        return "HEAD".equals(request.getMethod());
    }

    /** Times the lookup with the answer, and answers a lookup that failed as Jersey's mappers would. */
    private void answer(Request request, Response response, Callback callback, String code, InetAddress client,
                        Supplier<Optional<Link>> lookup)
            throws Exception {
        boolean head = isHead(request);
        try (Timer.Context ignored = timer.time()) {
            Optional<Link> found = lookup.get();
            if (found.isEmpty()) {
                answers.error(response, callback, head, 404, "no link with code '" + code + "'", false);
                return;
            }
            Link link = found.get();
            Instant now = clock.instant();
            if (link.isExpiredAt(now)) {
                answers.error(response, callback, head, 410, "the link '" + code + "' expired at " + link.expiresAt(), false);
                return;
            }
            HttpFields requestHeaders = request.getHeaders();
            String address = client != null ? client.getHostAddress() : Request.getRemoteAddr(request);
            boolean post = isPost(request);
            if (link.passwordHash() != null) {
                if (passwords.answered(request, response, callback, link, address)) {
                    return;
                }
            } else if (post) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                answers.error(response, callback, false, 405, "only a link with a password takes a POST: follow this one with GET", false);
                return;
            }
            String country = countryHeader == null ? null : requestHeaders.get(countryHeader);
            String target = link.url();
            Choice choice = null;
            if (!link.rules().isEmpty()) {
                choice = link.rules().choose(new Visit(ClickEnricher.country(country), requestHeaders.get(HttpHeader.USER_AGENT), head,
                        requestHeaders.get(HttpHeader.ACCEPT_LANGUAGE), request.getHttpURI().getQuery(), now, address, agents), code);
                if (choice != null) {
                    target = choice.url();
                }
            }
            Optional<String> blocked = blocklist.refusal(code, target);
            if (blocked.isPresent()) {
                answers.error(response, callback, head, 451, blocked.get(), false);
                return;
            }
            if (link.maxVisits() != null && !visits.admit(code, link.maxVisits(),
                    !agents.classify(requestHeaders.get(HttpHeader.USER_AGENT), head).bot())) {
                answers.error(response, callback, head, 410, "the link '" + code + "' has had its " + link.maxVisits() + " visits", false);
                return;
            }
            // After the password's POST, 303: the browser follows with a GET, whatever the link's own type.
            response.setStatus(post ? 303 : link.redirectType().status());
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.LOCATION, target);
            headers.put(HttpHeader.CACHE_CONTROL, cachePolicy.cacheControl(link, now));
            // Short links are doors, not documents: keep them out of search indexes.
            headers.put(NOINDEX);
            headers.put(NO_BODY);
            // The click is in the journal before the answer leaves: a process killed in between loses neither.
            clicks.record(new RawClick(code, now.toEpochMilli(), head, address,
                    requestHeaders.get(HttpHeader.USER_AGENT), requestHeaders.get(HttpHeader.REFERER), country,
                    choice == null ? 0 : choice.rule(), choice == null ? 0 : choice.variant()));
            // The last (empty) write, not callback.succeeded() alone: completed on a pool thread after the selector
            // thread's handle() returned, that left Jetty to send the response inside the callback's completion,
            // out of the order its channel state asserts (AssertionError in HttpChannelState, seen under -ea).
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        } catch (RuntimeException e) {
            answers.failure(LOG, response, callback, head, e);
        }
    }
}
