package io.shortener.logging;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

/**
 * A request id for every request of the application port: the caller's {@code X-Request-Id} when it is a
 * sane token (a proxy's, say), else a new one. It goes back in the response's {@code X-Request-Id}, stays on
 * the request (for the threads that go on with it) and is in the logging context ({@code requestId}) of
 * every line logged while the request is handled.
 */
public final class RequestIds extends Handler.Wrapper {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    private static final int MAX_LENGTH = 64;

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = idFor(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(new PreEncodedHttpField(HEADER, id));
        MDC.put(MDC_KEY, id);
        try {
            return super.handle(request, response, callback);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The request's id, on a thread that goes on with it. */
    public static String of(Request request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id instanceof String text ? text : null;
    }

    /** Runs {@code work} with the request's id in the logging context. */
    public static void runWith(Request request, Runnable work) {
        runWith(of(request), work);
    }

    /** {@code work}, to run on another thread with the id of the request this thread is handling now. */
    public static Runnable carried(Runnable work) {
        String id = MDC.get(MDC_KEY);
        return id == null ? work : () -> runWith(id, work);
    }

    private static void runWith(String id, Runnable work) {
        if (id == null) {
            work.run();
            return;
        }
        MDC.put(MDC_KEY, id);
        try {
            work.run();
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The caller's id if it is 1–64 characters of letters, digits, '-', '_', '.' or ':'; else 16 random hex digits. */
    static String idFor(String offered) {
        if (offered != null && !offered.isEmpty() && offered.length() <= MAX_LENGTH && offered.chars().allMatch(RequestIds::allowed)) {
            return offered;
        }
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
    }
}
