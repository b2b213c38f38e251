package io.shortener.link;

import com.codahale.metrics.Timer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.shortener.access.ApiKeys;
import io.shortener.access.Caller;
import io.shortener.error.JsonAnswers;
import io.shortener.error.JsonErrorMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/links} in its common shape (a JSON body of a declared length within the limit, an
 * {@code Accept} that takes JSON), answered by a Jetty handler in front of Jersey. Measured under creates,
 * Jersey's per-request machinery (routing, injection, filters, entity providers, events) took more of the
 * service's CPU than the create itself. Every other shape of the request (another content type, a chunked
 * or oversized body, an {@code Accept} to negotiate) goes on to {@link LinkResource#create}, which answers
 * it as before; both end in {@link LinkService#create} and answer a created link the same way
 * ({@code LinkApiIT} and {@code BadInputIT} hold them to it).
 */
public final class CreateLinkHandler extends Handler.Wrapper {

    static final String PATH = "/api/v1/links";

    private static final Logger LOG = LoggerFactory.getLogger(CreateLinkHandler.class);

    private final LinkService links;
    private final ApiKeys keys;
    private final IdempotentCreates idempotent;
    private final long maxRequestBytes;
    private final ObjectReader requests;
    private final JsonAnswers answers;
    private final Timer timer;

    public CreateLinkHandler(LinkService links, ApiKeys keys, IdempotentCreates idempotent, long maxRequestBytes, ObjectMapper json,
                             Timer timer) {
        this.links = links;
        this.keys = keys;
        this.idempotent = idempotent;
        this.maxRequestBytes = maxRequestBytes;
        this.requests = json.readerFor(CreateLinkRequest.class);
        this.answers = new JsonAnswers(json);
        this.timer = timer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isCommonCreate(request)) {
            if (isCreate(request)) {
                // Jersey's door parses the body before the resource sees the key: refuse a caller without one here,
                // so that a missing key is a 401 whatever the body is.
                try {
                    keys.authenticateCreator(request.getHeaders().get(HttpHeader.AUTHORIZATION), request.getHeaders().get(ApiKeys.API_KEY));
                } catch (RuntimeException e) {
                    answers.failure(LOG, response, callback, false, e);
                    return true;
                }
            }
            return super.handle(request, response, callback);
        }
        try (Timer.Context ignored = timer.time()) {
            // Who asks comes first: a caller without a key gets its 401 before its body is read.
            Caller caller = keys.authenticateCreator(request.getHeaders().get(HttpHeader.AUTHORIZATION),
                    request.getHeaders().get(ApiKeys.API_KEY));
            ByteBuffer body;
            try {
                body = Content.Source.asByteBuffer(request);
            } catch (IOException e) {
                // A body cut off for its pace (MinimumBodyRate), or a client gone mid-body.
                answers.error(response, callback, false, 408, "the request body did not arrive in time", false);
                return true;
            }
            CreateLinkRequest create;
            try {
                create = requests.readValue(BufferUtil.toArray(body));
            } catch (JsonProcessingException e) {
                answers.error(response, callback, false, 400, JsonErrorMapper.messageFor(e), false);
                return true;
            }
            IdempotentCreates.Answer answer = idempotent.create(caller, request.getHeaders().get(IdempotentCreates.HEADER), create,
                    () -> links.create(create, caller));
            if (answer.location() != null) {
                response.getHeaders().put(HttpHeader.LOCATION, answer.location());
            }
            if (answer.replayed()) {
                response.getHeaders().put(IdempotentCreates.REPLAYED_HEADER, "true");
            }
            answers.send(response, callback, false, answer.status(), answer.body());
        } catch (RuntimeException e) {
            answers.failure(LOG, response, callback, false, e);
        }
        return true;
    }

    private static boolean isCreate(Request request) {
        return "POST".equals(request.getMethod()) && PATH.equals(Request.getPathInContext(request));
    }

    private boolean isCommonCreate(Request request) {
        if (!isCreate(request)) {
            return false;
        }
        long length = request.getLength();
        return length > 0 && length <= maxRequestBytes
                && isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))
                && takesJson(request.getHeaders().get(HttpHeader.ACCEPT));
    }

    /** {@code application/json}, in UTF-8 if a charset is named. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return type.equals("application/json") || type.equals("application/json;charset=utf-8");
    }

    /** No {@code Accept}, or one that plainly takes JSON; anything with weights is Jersey's to negotiate. */
    static boolean takesJson(String accept) {
        if (accept == null) {
            return true;
        }
        String types = accept.toLowerCase(Locale.ROOT);
        return !types.contains("q=") && (types.contains("application/json") || types.contains("*/*") || types.contains("application/*"));
    }
}
