package io.shortener.link;

import com.codahale.metrics.annotation.Timed;
import io.shortener.access.ApiKeys;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.listing.LinkListing;
import io.shortener.listing.LinkPage;
import io.shortener.listing.ListQuery;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The links API: create, list, read and delete short links. */
@Path(CreateLinkHandler.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class LinkResource {

    private final LinkService links;
    private final LinkListing listing;
    private final ApiKeys keys;
    private final IdempotentCreates idempotent;
    private final String publicBaseUrl;

    public LinkResource(LinkService links, LinkListing listing, ApiKeys keys, IdempotentCreates idempotent, String publicBaseUrl) {
        this.links = links;
        this.listing = listing;
        this.keys = keys;
        this.idempotent = idempotent;
        this.publicBaseUrl = publicBaseUrl;
    }

    @POST
    @Timed
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                           @HeaderParam(IdempotentCreates.HEADER) String idempotencyKey, CreateLinkRequest request) {
        Caller caller = keys.authenticateCreator(authorization, apiKey);
        IdempotentCreates.Answer answer = idempotent.create(caller, idempotencyKey, request, () -> links.create(request, caller));
        Response.ResponseBuilder response = Response.status(answer.status()).entity(answer.body());
        if (answer.location() != null) {
            response.location(URI.create(answer.location()));
        }
        if (answer.replayed()) {
            response.header(IdempotentCreates.REPLAYED_HEADER, "true");
        }
        return response.build();
    }

    /** The caller's account's links, newest first, a page at a time; see {@link ListQuery} for the parameters. */
    @GET
    @Timed
    public LinkPageView list(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                             @QueryParam("tag") String tag, @QueryParam("q") String q,
                             @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo,
                             @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Caller caller = keys.authenticate(authorization, apiKey);
        LinkPage page = listing.page(caller, ListQuery.of(tag, q, createdFrom, createdTo, limit, cursor));
        return new LinkPageView(page.links().stream().map(link -> LinkView.of(link, publicBaseUrl)).toList(), page.nextCursor());
    }

    /** A page of links as the API shows it: {@code nextCursor} is null after the last page. */
    public record LinkPageView(List<LinkView> links, String nextCursor) {
    }

    @GET
    @Timed
    @Path("/{code}")
    public LinkView get(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                        @PathParam("code") String code) {
        return LinkView.of(links.get(code, keys.authenticate(authorization, apiKey), Scope.LINKS_READ), publicBaseUrl);
    }

    @DELETE
    @Timed
    @Path("/{code}")
    public Response delete(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                           @PathParam("code") String code) {
        links.delete(code, keys.authenticate(authorization, apiKey));
        return Response.noContent().build();
    }
}
