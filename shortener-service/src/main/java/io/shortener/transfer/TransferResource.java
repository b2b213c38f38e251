package io.shortener.transfer;

import com.codahale.metrics.annotation.Timed;
import io.shortener.access.ApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** Links in and out as CSV: {@code GET /api/v1/links/export} and {@code POST /api/v1/links/import}. */
@Path("/api/v1/links")
public final class TransferResource {

    public static final String CSV = "text/csv";
    public static final String EXPORT = "/export";
    public static final String IMPORT = "/import";

    private final LinkExport export;
    private final LinkImport imports;
    private final ApiKeys keys;

    public TransferResource(LinkExport export, LinkImport imports, ApiKeys keys) {
        this.export = export;
        this.imports = imports;
        this.keys = keys;
    }

    @GET
    @Timed
    @Path(EXPORT)
    @Produces(CSV + "; charset=utf-8")
    public Response export(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                           @QueryParam("tag") String tag, @QueryParam("q") String q,
                           @QueryParam("createdFrom") String createdFrom, @QueryParam("createdTo") String createdTo) {
        return Response.ok(export.csv(keys.authenticate(authorization, apiKey), tag, q, createdFrom, createdTo))
                .header("Content-Disposition", "attachment; filename=\"links.csv\"")
                .build();
    }

    @POST
    @Timed
    @Path(IMPORT)
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public LinkImport.Answer importCsv(@HeaderParam(ApiKeys.AUTHORIZATION) String authorization, @HeaderParam(ApiKeys.API_KEY) String apiKey,
                                       InputStream body) {
        return imports.importCsv(keys.authenticate(authorization, apiKey), body);
    }
}
