package io.shortener.error;

import java.util.List;

/**
 * The exception mappers that give every failure of a Jersey resource the JSON error shape: the application
 * registers these, and the resources' fast tests register the same, so that a test sees the answer a client would.
 */
public final class ErrorMappers {

    private ErrorMappers() {
    }

    public static List<Object> all() {
        return List.of(new ApiExceptionMapper(), new WebApplicationExceptionMapper(), new JsonErrorMapper(),
                new StorageUnavailableMapper(), new UnexpectedErrorMapper());
    }
}
