package io.shortener.link;

import com.codahale.metrics.annotation.Timed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

    private final LinkService links;
    private final String publicBaseUrl;

    public LinkResource(LinkService links, String publicBaseUrl) {
        this.links = links;
        this.publicBaseUrl = publicBaseUrl;
    }

    @POST
    @Timed
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CreateLinkRequest request) {
        LinkView created = LinkView.of(links.create(request), publicBaseUrl);
        return Response.created(URI.create(created.location(publicBaseUrl))).entity(created).build();
    }

    @GET
    @Timed
    @Path("/{code}")
    public LinkView get(@PathParam("code") String code) {
        return LinkView.of(links.get(code), publicBaseUrl);
    }

    @DELETE
    @Timed
    @Path("/{code}")
    public Response delete(@PathParam("code") String code) {
        links.delete(code);
        return Response.noContent().build();
    }
}
