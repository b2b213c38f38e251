package io.shortener.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * {@code /ui/}: the web page, three files from the jar (index.html, app.css, app.js), nothing from elsewhere.
 * Its Content-Security-Policy lets it load only itself and talk only to this service's API.
 */
public final class WebPageServlet extends HttpServlet {

    public static final String PATH = "/ui";
    private static final long serialVersionUID = 1L;
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "app.js", "text/javascript; charset=utf-8");

    private final transient Map<String, byte[]> files;

    public WebPageServlet() {
        this.files = Map.of("index.html", read("index.html"), "app.css", read("app.css"), "app.js", read("app.js"));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String name = path == null || path.equals("/") ? "index.html" : path.substring(1);
        byte[] body = files.get(name);
        if (body == null) {
            response.setStatus(404);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"code\":404,\"message\":\"no page " + PATH + "/" + name.replaceAll("[^A-Za-z0-9._-]", "")
                    + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        response.setStatus(200);
        response.setContentType(TYPES.get(name));
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // The page is small and changes with each release: ask again, but a 304 would cost as much as the file.
        response.setHeader("Cache-Control", "no-cache");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = WebPageServlet.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the web page's " + name + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
