package io.shortener.release;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The admin port's {@code GET /version}: {"version": "…"}. */
public final class VersionServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient byte[] body;

    public VersionServlet(ReleaseInfo release) {
        this.body = release.json().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
