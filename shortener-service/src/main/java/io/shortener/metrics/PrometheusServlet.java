package io.shortener.metrics;

import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** The admin port's {@code GET /metrics/prometheus}: every collector of the registry in Prometheus' text format 0.0.4. */
public final class PrometheusServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CollectorRegistry registry;

    public PrometheusServlet(CollectorRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringWriter text = new StringWriter(64 * 1024);
        TextFormat.write004(text, registry.metricFamilySamples());
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setContentType(TextFormat.CONTENT_TYPE_004);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
