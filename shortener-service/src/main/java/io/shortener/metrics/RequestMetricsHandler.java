package io.shortener.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.Histogram;
import io.shortener.logging.RequestLog;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Times every request of the application port, from the moment the handlers get it to the moment its
 * answer is written, into one Prometheus histogram by route and status class, and hands each answered
 * request to the (sampled) request log. Fixed buckets, so that
 * P99 can be computed across instances and regions (a Dropwizard timer's quantiles cannot be added up).
 * The children are resolved once: a request costs a clock read, an allocation and a bucket increment.
 */
public final class RequestMetricsHandler extends Handler.Wrapper {

    public static final String NAME = "shortener_http_request_duration_seconds";
    /** From half a millisecond (a redirect from memory) to ten seconds (a stats query at its timeout). */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final String[] STATUS_CLASSES = {"2xx", "3xx", "4xx", "5xx"};

    private final Histogram.Child[][] children;
    private final RequestLog log;

    public RequestMetricsHandler(CollectorRegistry registry, RequestLog log) {
        this.log = log;
        Histogram histogram = Histogram.build(NAME, "Time from a request's arrival at the handlers to its answer, by route and status class.")
                .labelNames("route", "status_class").buckets(BUCKETS).register(registry);
        Route[] routes = Route.values();
        children = new Histogram.Child[routes.length][STATUS_CLASSES.length];
        for (Route route : routes) {
            for (int i = 0; i < STATUS_CLASSES.length; i++) {
                children[route.ordinal()][i] = histogram.labels(route.label(), STATUS_CLASSES[i]);
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Timed timed = new Timed(request, Route.of(request.getMethod(), Request.getPathInContext(request)), response, callback,
                System.nanoTime());
        if (super.handle(request, response, timed)) {
            return true;
        }
        timed.record(404);
        return false;
    }

    private void observe(Request request, Route route, int status, long startNanos) {
        // Jetty answers 200 where nothing set a status; no final answer of this service is 1xx.
        int answered = status == 0 ? 200 : status;
        int statusClass = Math.min(Math.max(answered / 100, 2), 5) - 2;
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        children[route.ordinal()][statusClass].observe(seconds);
        log.completed(request, route.label(), answered, seconds);
    }

    /** The request's callback, recording its time and status when the answer is done. */
    private final class Timed implements Callback {
        private final Request request;
        private final Route route;
        private final Response response;
        private final Callback callback;
        private final long startNanos;

        Timed(Request request, Route route, Response response, Callback callback, long startNanos) {
            this.request = request;
            this.route = route;
            this.response = response;
            this.callback = callback;
            this.startNanos = startNanos;
        }

        void record(int status) {
            observe(request, route, status, startNanos);
        }

        @Override
        public void succeeded() {
            record(response.getStatus());
            callback.succeeded();
        }

        @Override
        public void failed(Throwable failure) {
            // A response already committed keeps its status; one that was not becomes Jetty's 500.
            record(response.isCommitted() ? response.getStatus() : 500);
            callback.failed(failure);
        }

        @Override
        public InvocationType getInvocationType() {
            return callback.getInvocationType();
        }
    }
}
