package io.shortener.link;

import io.shortener.error.ApiException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Clock;

/**
 * {@code GET /api/v1/links/{code}/qr?format=svg|png&size=256}: the short link's QR code. Public, like the
 * redirect it leads to (it holds nothing the short link does not), and cacheable for a day: a code's short
 * URL never changes. An unknown or expired code is a 404 or 410, as its redirect would be.
 */
@Path(CreateLinkHandler.PATH + "/{code}/qr")
public final class QrResource {

    private final LinkService links;
    private final String publicBaseUrl;
    private final Clock clock;

    public QrResource(LinkService links, String publicBaseUrl, Clock clock) {
        this.links = links;
        this.publicBaseUrl = publicBaseUrl;
        this.clock = clock;
    }

    @GET
    public Response qr(@PathParam("code") String code, @QueryParam("format") @DefaultValue("svg") String format,
                       @QueryParam("size") @DefaultValue("256") String size) {
        int pixels = size(size);
        if (!format.equals("svg") && !format.equals("png")) {
            throw ApiException.badRequest("format must be svg or png, not '" + format + "'");
        }
        Link link = links.find(code).orElseThrow(() -> ApiException.notFound("no link with code '" + code + "'"));
        if (link.isExpiredAt(clock.instant())) {
            throw new ApiException(410, "the link '" + code + "' expired at " + link.expiresAt());
        }
        String shortUrl = publicBaseUrl + "/" + code;
        boolean svg = format.equals("svg");
        return Response.ok(svg ? QrCodes.svg(shortUrl, pixels) : QrCodes.png(shortUrl, pixels), svg ? "image/svg+xml" : "image/png")
                .header("Cache-Control", "public, max-age=86400").build();
    }

    private static int size(String text) {
        try {
            int pixels = Integer.parseInt(text);
            if (pixels >= QrCodes.MIN_SIZE && pixels <= QrCodes.MAX_SIZE) {
                return pixels;
            }
        } catch (NumberFormatException e) {
            // Answered below, as an out-of-range size is.
        }
        throw ApiException.badRequest("size must be a whole number of pixels from " + QrCodes.MIN_SIZE + " to " + QrCodes.MAX_SIZE);
    }
}
