package io.shortener.link;

import com.codahale.metrics.annotation.Timed;
import com.fasterxml.jackson.databind.JsonNode;
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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** The links API: create, list, read, edit and delete short links. */
@Path(CreateLinkHandler.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class LinkResource {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    public static final String BULK = "/bulk";

    private final LinkService links;
    private final LinkListing listing;
    private final BulkCreates bulk;
    private final ApiKeys keys;
    private final IdempotentCreates idempotent;
    private final String publicBaseUrl;

    public LinkResource(LinkService links, LinkListing listing, BulkCreates bulk, ApiKeys keys, IdempotentCreates idempotent,
                        String publicBaseUrl) {
        this.links = links;
        this.listing = listing;
        this.bulk = bulk;
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

    /** Up to 1,000 creates at once, an answer per item; see {@link BulkCreates}. */
    @POST
    @Timed
    @Path(BULK)
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkCreates.Answer createAll(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                                        JsonNode items) {
        return bulk.create(keys.authenticate(authorization, apiKey), items);
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
        return new LinkPageView(page.links().stream().map(link -> LinkView.listed(link, publicBaseUrl)).toList(), page.nextCursor());
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

    /** A JSON merge patch (RFC 7396) of the link; see {@link LinkService#update}. */
    @PATCH
    @Timed
    @Path("/{code}")
    @Consumes({MERGE_PATCH_JSON, MediaType.APPLICATION_JSON})
    public LinkView update(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                           @PathParam("code") String code, JsonNode patch) {
        return LinkView.of(links.update(code, patch, keys.authenticate(authorization, apiKey)), publicBaseUrl);
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
