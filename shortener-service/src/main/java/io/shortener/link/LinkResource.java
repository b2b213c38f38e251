package io.shortener.link;

import com.codahale.metrics.annotation.Timed;
import io.shortener.access.ApiKeys;
import io.shortener.access.Scope;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The links API: create, read and delete short links. */
@Path(CreateLinkHandler.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class LinkResource {

    static final String AUTHORIZATION = "Authorization";
    static final String API_KEY = "X-Api-Key";

    private final LinkService links;
    private final ApiKeys keys;
    private final String publicBaseUrl;

    public LinkResource(LinkService links, ApiKeys keys, String publicBaseUrl) {
        this.links = links;
        this.keys = keys;
        this.publicBaseUrl = publicBaseUrl;
    }

    @POST
    @Timed
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(AUTHORIZATION) String authorization, @HeaderParam(API_KEY) String apiKey,
                           CreateLinkRequest request) {
        LinkView created = LinkView.of(links.create(request, keys.authenticateCreator(authorization, apiKey)), publicBaseUrl);
        return Response.created(URI.create(created.location(publicBaseUrl))).entity(created).build();
    }

    @GET
    @Timed
    @Path("/{code}")
    public LinkView get(@HeaderParam(AUTHORIZATION) String authorization, @HeaderParam(API_KEY) String apiKey,
                        @PathParam("code") String code) {
        return LinkView.of(links.get(code, keys.authenticate(authorization, apiKey), Scope.LINKS_READ), publicBaseUrl);
    }

    @DELETE
    @Timed
    @Path("/{code}")
    public Response delete(@HeaderParam(AUTHORIZATION) String authorization, @HeaderParam(API_KEY) String apiKey,
                           @PathParam("code") String code) {
        links.delete(code, keys.authenticate(authorization, apiKey));
        return Response.noContent().build();
    }
}
