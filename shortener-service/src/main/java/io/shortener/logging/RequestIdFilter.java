package io.shortener.logging;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import org.slf4j.MDC;

/** The request id (set by {@link RequestIds}) in the logging context of the thread Jersey serves the request on. */
public final class RequestIdFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        Object id = request.getAttribute(RequestIds.ATTRIBUTE);
        if (!(id instanceof String text)) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(RequestIds.MDC_KEY, text);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }
}
