package io.shortener.error;

import com.datastax.oss.driver.api.core.DriverException;
import io.shortener.access.Unauthenticated;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;

/**
 * JSON answers written by the Jetty handlers in front of Jersey (redirects, creates), in the same shape as
 * Jersey's mappers give: {@code {"code", "message"}} for errors, with {@code Retry-After} where retrying helps.
 */
public final class JsonAnswers {

    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField NOSNIFF = new PreEncodedHttpField(NoSniff.HEADER, NoSniff.VALUE);
    private static final HttpField NOINDEX = new PreEncodedHttpField("X-Robots-Tag", "noindex");
    private static final HttpField RETRY_AFTER = new PreEncodedHttpField(HttpHeader.RETRY_AFTER, "1");

    private final ObjectMapper json;

    public JsonAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** {@code body} as JSON with {@code status}; a HEAD request gets the headers alone. */
    public void send(Response response, Callback callback, boolean head, int status, Object body) throws JsonProcessingException {
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(JSON);
        headers.put(NOSNIFF);
        headers.put(HttpHeader.CONTENT_LENGTH, bytes.length);
        // HEAD: the headers alone, with the body's length; still as a last write (see RedirectHandler).
        response.write(true, head ? BufferUtil.EMPTY_BUFFER : ByteBuffer.wrap(bytes), callback);
    }

    /**
     * What a handler's work threw, answered as Jersey's mappers would: a refusal with its own status, the
     * storage away as a retryable 503, anything else as a logged 500.
     */
    public void failure(Logger log, Response response, Callback callback, boolean head, RuntimeException failure)
            throws JsonProcessingException {
        if (failure instanceof Unauthenticated) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, Unauthenticated.CHALLENGE);
        }
        if (failure instanceof ApiException refusal) {
            error(response, callback, head, refusal.status(), refusal.getMessage(), false);
        } else if (failure instanceof DriverException storage) {
            ServerErrors.logStorageFailure(log, storage);
            error(response, callback, head, 503, ServerErrors.STORAGE_UNAVAILABLE, true);
        } else {
            error(response, callback, head, 500, ServerErrors.logUnexpected(log, failure), false);
        }
    }

    /** An error: kept out of search indexes, and marked retryable when the storage was away. */
    public void error(Response response, Callback callback, boolean head, int status, String message, boolean retry)
            throws JsonProcessingException {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(NOINDEX);
        if (retry) {
            headers.put(RETRY_AFTER);
        }
        send(response, callback, head, status, new ErrorBody(status, message));
    }
}
