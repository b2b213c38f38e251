package io.shortener.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Jersey (a malformed URI or header, say) in the same JSON
 * shape as every other error, instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    private final ObjectMapper json;

    public JsonErrorHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(NoSniff.HEADER, NoSniff.VALUE);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put(NoSniff.HEADER, NoSniff.VALUE);
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        // Jetty's own messages can name internals; the status's reason phrase says enough.
        String reason = HttpStatus.getMessage(status);
        try {
            return json.writeValueAsBytes(new ErrorBody(status, reason == null ? "error" : reason.toLowerCase(java.util.Locale.ROOT)));
        } catch (JsonProcessingException e) {
            return ("{\"code\":" + status + ",\"message\":\"error\"}").getBytes(StandardCharsets.US_ASCII);
        }
    }
}
