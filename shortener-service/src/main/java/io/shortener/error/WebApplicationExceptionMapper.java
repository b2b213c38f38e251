package io.shortener.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Jersey's own refusals (no such route, wrong method, wrong media type) in our JSON shape. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        Response.ResponseBuilder answer = Response.fromResponse(ErrorResponses.of(status, messageFor(status, exception)));
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    private static String messageFor(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "not found";
            case 405 -> "method not allowed here";
            case 406 -> "cannot answer in any of the accepted media types; this API answers application/json";
            case 413 -> "request body too large";
            case 415 -> "send the request body as JSON, with Content-Type: application/json";
            default -> status >= 500 ? "the server could not answer this request" : exception.getMessage();
        };
    }
}
