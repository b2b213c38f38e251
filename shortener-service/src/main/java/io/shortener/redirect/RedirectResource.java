package io.shortener.redirect;

import com.codahale.metrics.annotation.Timed;
import io.shortener.error.ApiException;
import io.shortener.link.Link;
import io.shortener.link.LinkService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;

/** {@code GET /{code}}: the redirect itself. HEAD is answered the same way, without a body. */
@Path("/{code}")
@Produces(MediaType.APPLICATION_JSON)
public final class RedirectResource {

    private final LinkService links;
    private final RedirectCachePolicy cachePolicy;
    private final Clock clock;

    public RedirectResource(LinkService links, RedirectCachePolicy cachePolicy, Clock clock) {
        this.links = links;
        this.cachePolicy = cachePolicy;
        this.clock = clock;
    }

    @GET
    @Timed(name = "redirects")
    public Response redirect(@PathParam("code") String code) {
        Link link = links.find(code).orElseThrow(() -> ApiException.notFound("no link with code '" + code + "'"));
        Instant now = clock.instant();
        if (link.isExpiredAt(now)) {
            throw new ApiException(410, "the link '" + code + "' expired at " + link.expiresAt());
        }
        return Response.status(link.redirectType().status())
                .header(HttpHeaders.LOCATION, link.url())
                .header(HttpHeaders.CACHE_CONTROL, cachePolicy.cacheControl(link, now))
                // Short links are doors, not documents: keep them out of search indexes.
                .header("X-Robots-Tag", "noindex")
                .build();
    }
}
