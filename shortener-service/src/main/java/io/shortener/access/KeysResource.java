package io.shortener.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code GET /api/v1/keys/current}: what the key a request carries is, and may do. */
@Path("/api/v1/keys/current")
@Produces(MediaType.APPLICATION_JSON)
public final class KeysResource {

    /** The key as its holder sees it. */
    public record CurrentKey(String name, String account, List<String> scopes) {
    }

    private final ApiKeys keys;

    public KeysResource(ApiKeys keys) {
        this.keys = keys;
    }

    @GET
    public CurrentKey current(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey) {
        Caller caller = keys.authenticate(authorization, apiKey);
        return new CurrentKey(caller.keyName(), caller.account(), caller.scopes().stream().sorted().map(Scope::text).toList());
    }
}
