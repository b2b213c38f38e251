package io.shortener.error;

import io.shortener.access.Unauthenticated;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response response = ErrorResponses.of(exception.status(), exception.getMessage());
        if (exception instanceof Unauthenticated) {
            return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, Unauthenticated.CHALLENGE).build();
        }
        return response;
    }
}
