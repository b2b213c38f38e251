package io.shortener.safety;

import io.shortener.access.ApiKeys;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.error.ApiException;
import io.shortener.link.LinkService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;

/**
 * {@code /api/v1/blocklist}: blocked domains and links, for {@code admin} keys. A blocked domain refuses
 * new links to it and its subdomains, and stops the redirects of links made before (451).
 */
@Path("/api/v1/blocklist")
@Produces(MediaType.APPLICATION_JSON)
public final class BlocklistResource {

    /** The optional body of a block: why. */
    public record BlockRequest(String reason) {
    }

    public record Listing(List<BlockedEntry> domains, List<BlockedEntry> links) {
    }

    private final Blocklist blocklist;
    private final LinkService links;
    private final ApiKeys keys;

    public BlocklistResource(Blocklist blocklist, LinkService links, ApiKeys keys) {
        this.blocklist = blocklist;
        this.links = links;
        this.keys = keys;
    }

    @GET
    public Listing list(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey) {
        admin(authorization, apiKey);
        Blocklist.Snapshot current = blocklist.current();
        return new Listing(sorted(current.domains().values()), sorted(current.links().values()));
    }

    @PUT
    @Path("/domains/{domain}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BlockedEntry blockDomain(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                                    @PathParam("domain") String domain, BlockRequest request) {
        Caller caller = admin(authorization, apiKey);
        return blocklist.blockDomain(domain(domain), reason(request), caller.keyName());
    }

    @DELETE
    @Path("/domains/{domain}")
    public Response unblockDomain(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                                  @PathParam("domain") String domain) {
        admin(authorization, apiKey);
        String name = domain(domain);
        if (!blocklist.unblockDomain(name)) {
            if (blocklist.isInFile(name)) {
                throw new ApiException(409, "'" + name + "' is blocked by the blocklist file; remove it there");
            }
            throw ApiException.notFound("'" + name + "' is not blocked");
        }
        return Response.noContent().build();
    }

    @PUT
    @Path("/links/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BlockedEntry blockLink(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                                  @PathParam("code") String code, BlockRequest request) {
        Caller caller = admin(authorization, apiKey);
        links.get(code, caller, Scope.ADMIN);
        return blocklist.blockLink(code, reason(request), caller.keyName());
    }

    @DELETE
    @Path("/links/{code}")
    public Response unblockLink(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                                @PathParam("code") String code) {
        admin(authorization, apiKey);
        if (!blocklist.unblockLink(code)) {
            throw ApiException.notFound("the link '" + code + "' is not blocked");
        }
        return Response.noContent().build();
    }

    private Caller admin(String authorization, String apiKey) {
        Caller caller = keys.authenticate(authorization, apiKey);
        caller.require(Scope.ADMIN);
        return caller;
    }

    private static String domain(String text) {
        try {
            return Domains.normalize(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static String reason(BlockRequest request) {
        if (request == null || request.reason() == null) {
            return null;
        }
        if (request.reason().length() > 500) {
            throw ApiException.badRequest("reason must be at most 500 characters");
        }
        return request.reason();
    }

    private static List<BlockedEntry> sorted(java.util.Collection<BlockedEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(BlockedEntry::value)).toList();
    }
}
