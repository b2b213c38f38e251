package io.shortener.error;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * {@code X-Content-Type-Options: nosniff} on every answer Jersey gives (the Jetty handlers and the error
 * handler add it themselves): a browser must not read a JSON answer as anything else, whatever a link's
 * URL or an error message holds.
 */
public final class NoSniff implements ContainerResponseFilter {

    public static final String HEADER = "X-Content-Type-Options";
    public static final String VALUE = "nosniff";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(HEADER, VALUE);
    }
}
