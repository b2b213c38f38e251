package io.shortener.limit;

import com.codahale.metrics.Meter;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.access.ApiKeys;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.client.ClientAddresses;
import io.shortener.client.ClientRanges;
import io.shortener.error.JsonAnswers;
import java.net.InetAddress;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every {@code /api/} request spends a token before anything else reads it (both doors of a create, the
 * Jersey resources behind them): over the limit it is answered {@code 429} here, and under it the answer
 * carries the RateLimit headers of the bucket it spent from.
 */
public final class ApiRateLimitHandler extends Handler.Wrapper {

    private final ApiLimits limits;
    private final ApiKeys keys;
    private final ClientAddresses clients;
    private final ClientRanges exempt;
    private final JsonAnswers answers;
    private final Meter refused;

    public ApiRateLimitHandler(ApiLimits limits, ApiKeys keys, ClientAddresses clients, ClientRanges exempt, ObjectMapper json,
                                Meter refused) {
        this.limits = limits;
        this.keys = keys;
        this.clients = clients;
        this.exempt = exempt;
        this.answers = new JsonAnswers(json);
        this.refused = refused;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Scope scope = ApiRoute.scopeOf(method, path);
        InetAddress client = scope == null ? null : clients.of(request);
        if (scope == null || exempt.contains(client)) {
            return super.handle(request, response, callback);
        }
        HttpFields headers = request.getHeaders();
        String authorization = headers.get(HttpHeader.AUTHORIZATION);
        String apiKey = headers.get(ApiKeys.API_KEY);
        Optional<Caller> known = keys.knownCaller(authorization, apiKey);
        RateLimit limit = limits.admit(scope, ApiRoute.isCreate(method, path), known, ApiKeys.sentKey(authorization, apiKey),
                client == null ? "unknown" : client.getHostAddress());
        limit.addTo(response.getHeaders());
        if (!limit.admitted()) {
            refused.mark();
            answers.error(response, callback, "HEAD".equals(method), 429, known.isPresent()
                    ? "too many requests with the API key '" + known.get().keyName() + "' (" + scope.text() + "): try again in "
                            + limit.retryAfterSeconds() + " s"
                    : "too many requests from this address: try again in " + limit.retryAfterSeconds() + " s", false);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
