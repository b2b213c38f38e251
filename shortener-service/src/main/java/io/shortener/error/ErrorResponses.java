package io.shortener.error;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error answer. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message))
                .build();
    }
}
