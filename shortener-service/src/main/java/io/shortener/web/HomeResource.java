package io.shortener.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** {@code GET /}: a person who opens the service's address gets the web page. */
@Path("/")
public final class HomeResource {

    @GET
    public Response home() {
        return Response.seeOther(URI.create(WebPageServlet.PATH + "/")).build();
    }
}
