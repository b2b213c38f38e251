package io.shortener.password;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shortener.error.JsonAnswers;
import io.shortener.limit.PasswordAttempts;
import io.shortener.limit.RateLimit;
import io.shortener.link.Link;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The door of a password-protected link. A GET (or HEAD) gets a small HTML form instead of the redirect:
 * no script, no third-party asset, nothing cached; the form posts the password back to the short URL
 * (its query string kept, for the link's rules). A POST with the right password goes on to the redirect
 * (the caller answers it with a 303 and counts the click); a wrong one gets the form again with 403, and
 * more attempts than {@link PasswordAttempts} allows from one address get it with 429. A POST from
 * anything but a browser (no {@code text/html} in its Accept) gets those refusals as the API's JSON errors.
 */
public final class PasswordGate {

    static final String FIELD = "password";
    private static final String TEMPLATE = template();
    private static final HttpField HTML = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
    private static final HttpField NO_STORE = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, "private, no-store");
    // Inline styles and a form post are all the page does. The post's answer redirects to the link's target,
    // anywhere: browsers hold a form's redirects to form-action too (Chromium aborted the navigation to the
    // target under 'self' alone), so any http(s) target is allowed there.
    private static final HttpField CSP = new PreEncodedHttpField("Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https: http:; frame-ancestors 'none'; base-uri 'none'");
    private static final HttpField NO_FRAMES = new PreEncodedHttpField("X-Frame-Options", "DENY");
    private static final HttpField NO_REFERRER = new PreEncodedHttpField("Referrer-Policy", "no-referrer");
    private static final HttpField NO_SNIFF = new PreEncodedHttpField("X-Content-Type-Options", "nosniff");
    private static final HttpField NOINDEX = new PreEncodedHttpField("X-Robots-Tag", "noindex");

    private final PasswordHashes hashes;
    private final PasswordAttempts attempts;
    private final JsonAnswers json;

    public PasswordGate(PasswordHashes hashes, PasswordAttempts attempts, JsonAnswers json) {
        this.hashes = hashes;
        this.attempts = attempts;
        this.json = json;
    }

    /**
     * Answers a visit of a protected link with the form and returns true, unless it is a POST with the right
     * password: then it answers nothing and returns false, and the visitor goes on to the target.
     */
    public boolean answered(Request request, Response response, Callback callback, Link link, String clientAddress)
            throws JsonProcessingException {
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        String query = request.getHttpURI().getQuery();
        if (!"POST".equals(method)) {
            form(response, callback, head, 200, link.code(), query, null);
            return true;
        }
        RateLimit refusal = attempts.refusal(link.code(), clientAddress);
        if (refusal != null) {
            refusal.addTo(response.getHeaders());
            refuse(request, response, callback, 429, link.code(), query, "too many attempts at the password of '" + link.code()
                    + "': try again in " + refusal.retryAfterSeconds() + " s");
            return true;
        }
        String given;
        try {
            Fields fields = FormFields.getFields(request, 8, 4096);
            given = fields.getValue(FIELD);
        } catch (RuntimeException e) {
            refuse(request, response, callback, 400, link.code(), query, "the form could not be read: send password as a form field "
                    + "(application/x-www-form-urlencoded)");
            return true;
        }
        if (given == null || !hashes.matches(link.passwordHash(), given)) {
            refuse(request, response, callback, 403, link.code(), query, "that is not the password of '" + link.code() + "'");
            return true;
        }
        return false;
    }

    private void refuse(Request request, Response response, Callback callback, int status, String code, String query, String message)
            throws JsonProcessingException {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        if (accept != null && accept.contains("text/html")) {
            form(response, callback, false, status, code, query, Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
        } else {
            json.error(response, callback, false, status, message, false);
        }
    }

    private static void form(Response response, Callback callback, boolean head, int status, String code, String query, String message) {
        String action = "/" + code + (query == null || query.isEmpty() ? "" : "?" + query);
        String page = TEMPLATE.replace("{{code}}", escape(code)).replace("{{action}}", escape(action))
                .replace("{{message}}", message == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(message) + "</p>");
        byte[] body = page.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HTML);
        headers.put(NO_STORE);
        headers.put(CSP);
        headers.put(NO_FRAMES);
        headers.put(NO_REFERRER);
        headers.put(NO_SNIFF);
        headers.put(NOINDEX);
        headers.put(HttpHeader.CONTENT_LENGTH, Integer.toString(body.length));
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(body), callback);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String template() {
        try (InputStream in = PasswordGate.class.getResourceAsStream("password-form.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
