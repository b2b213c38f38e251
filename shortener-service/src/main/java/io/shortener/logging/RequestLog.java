package io.shortener.logging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.server.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A line per answered request, in logger {@code io.shortener.requests}: every 5xx, and a sample of the rest
 * ({@code requestLog.sampleRate}), so a busy instance logs a bounded share of its traffic. Method, path,
 * route, status and time, and the request id; never the client's address.
 */
public final class RequestLog {

    private static final Logger LOG = LoggerFactory.getLogger("io.shortener.requests");

    private static final String LINE = "{} {} {} in {} ms";

    private final double sampleRate;

    public RequestLog(double sampleRate) {
        this.sampleRate = sampleRate;
    }

    public void completed(Request request, String route, int status, double seconds) {
        boolean error = status >= 500;
        if (!error && (sampleRate <= 0 || ThreadLocalRandom.current().nextDouble() >= sampleRate)) {
            return;
        }
        String millis = String.format(Locale.ROOT, "%.3f", seconds * 1e3);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("route", route);
        fields.put("status", Integer.toString(status));
        fields.put("durationMs", millis);
        String id = RequestIds.of(request);
        if (id != null) {
            fields.put(RequestIds.MDC_KEY, id);
        }
        // The completing thread may be in the middle of another request's context: put back what was there.
        Map<String, String> previous = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
        try {
            if (error) {
                LOG.warn(LINE, request.getMethod(), Request.getPathInContext(request), status, millis);
            } else {
                LOG.info(LINE, request.getMethod(), Request.getPathInContext(request), status, millis);
            }
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }
}
