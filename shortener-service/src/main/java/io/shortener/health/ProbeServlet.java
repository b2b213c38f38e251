package io.shortener.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * The admin port's {@code GET /ready} and {@code GET /alive}: 200 when the probe passes, 503 when it does
 * not, with each check's verdict: {"ready": false, "draining": true, "checks": {"cassandra": {"healthy": true, …}}}.
 */
public final class ProbeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<Probes.Answer> probe;
    private final String field;
    private final transient ObjectMapper json;

    public ProbeServlet(Supplier<Probes.Answer> probe, String field, ObjectMapper json) {
        this.probe = probe;
        this.field = field;
        this.json = json;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Probes.Answer answer = probe.get();
        ObjectNode body = json.createObjectNode().put(field, answer.passed()).put("draining", answer.draining());
        ObjectNode checks = body.putObject("checks");
        answer.checks().forEach((name, result) -> {
            ObjectNode check = checks.putObject(name).put("healthy", result.isHealthy());
            if (result.getMessage() != null) {
                check.put("message", result.getMessage());
            }
        });
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(answer.passed() ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
