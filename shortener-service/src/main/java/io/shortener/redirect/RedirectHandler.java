package io.shortener.redirect;

import com.codahale.metrics.Timer;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.click.ClickRecorder;
import io.shortener.click.RawClick;
import io.shortener.error.JsonAnswers;
import io.shortener.link.AliasPolicy;
import io.shortener.link.Link;
import io.shortener.link.LinkService;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /{code}} (and HEAD): the redirect itself, answered by a Jetty handler in front of Jersey,
 * and its click handed to the click pipeline without waiting.
 * The hot path is a path check, a cache lookup and three headers; Jersey's per-request machinery
 * (injection, URI building, filters) cost more than all of that together. Everything else, and any
 * path that cannot be a code, goes on to Jersey.
 */
public final class RedirectHandler extends Handler.Wrapper {

    private static final Logger LOG = LoggerFactory.getLogger(RedirectHandler.class);
    private static final HttpField NOINDEX = new PreEncodedHttpField("X-Robots-Tag", "noindex");
    private static final HttpField NO_BODY = new PreEncodedHttpField(HttpHeader.CONTENT_LENGTH, "0");

    private final LinkService links;
    private final RedirectCachePolicy cachePolicy;
    private final Clock clock;
    private final JsonAnswers answers;
    private final Timer timer;
    private final ClickRecorder clicks;
    private final String countryHeader;

    public RedirectHandler(LinkService links, RedirectCachePolicy cachePolicy, Clock clock, ObjectMapper json, Timer timer,
                           ClickRecorder clicks, String countryHeader) {
        this.links = links;
        this.cachePolicy = cachePolicy;
        this.clock = clock;
        this.answers = new JsonAnswers(json);
        this.timer = timer;
        this.clicks = clicks;
        this.countryHeader = countryHeader == null || countryHeader.isBlank() ? null : countryHeader;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            return super.handle(request, response, callback);
        }
        String path = Request.getPathInContext(request);
        if (!AliasPolicy.isCodeForm(path, 1)) {
            return super.handle(request, response, callback);
        }
        String code = path.substring(1);
        try (Timer.Context ignored = timer.time()) {
            Optional<Link> found = links.find(code);
            if (found.isEmpty()) {
                answers.error(response, callback, head, 404, "no link with code '" + code + "'", false);
                return true;
            }
            Link link = found.get();
            Instant now = clock.instant();
            if (link.isExpiredAt(now)) {
                answers.error(response, callback, head, 410, "the link '" + code + "' expired at " + link.expiresAt(), false);
                return true;
            }
            response.setStatus(link.redirectType().status());
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.LOCATION, link.url());
            headers.put(HttpHeader.CACHE_CONTROL, cachePolicy.cacheControl(link, now));
            // Short links are doors, not documents: keep them out of search indexes.
            headers.put(NOINDEX);
            headers.put(NO_BODY);
            // The click is in the journal before the answer leaves: a process killed in between loses neither.
            HttpFields requestHeaders = request.getHeaders();
            clicks.record(new RawClick(code, now.toEpochMilli(), head, Request.getRemoteAddr(request),
                    requestHeaders.get(HttpHeader.USER_AGENT), requestHeaders.get(HttpHeader.REFERER),
                    countryHeader == null ? null : requestHeaders.get(countryHeader)));
            callback.succeeded();
        } catch (RuntimeException e) {
            answers.failure(LOG, response, callback, head, e);
        }
        return true;
    }
}
