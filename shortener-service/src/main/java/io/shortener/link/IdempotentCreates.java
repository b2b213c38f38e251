package io.shortener.link;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shortener.access.ApiKeySecrets;
import io.shortener.access.Caller;
import io.shortener.access.Scope;
import io.shortener.cassandra.CqlReads;
import io.shortener.error.ApiException;
import io.shortener.error.ErrorBody;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on creates: the same key and the same body within 24 hours get the first answer
 * again (marked {@code Idempotent-Replayed: true}), the same key with another body a 422, and of requests
 * sent at once with one key exactly one creates a link (the others wait for its answer, then replay it).
 * Keys belong to the API key's account. A create that failed on the server's side (a 5xx) frees its key,
 * so that a retry can create; an answer the client caused (a 4xx) is kept and replayed like a 201.
 */
public final class IdempotentCreates {

    /**
     * An answer to a create: its status, body (a {@link LinkView} when made now, the stored JSON when
     * replayed: a create without a key pays for no JSON tree), Location, and whether it is a replay.
     */
    public record Answer(int status, Object body, String location, boolean replayed) {
    }

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern KEY_FORM = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);

    private final CqlSession session;
    private final ObjectMapper json;
    private final String publicBaseUrl;
    private final PreparedStatement claim;
    private final PreparedStatement record;
    private final PreparedStatement release;
    private final PreparedStatement read;

    public IdempotentCreates(CqlSession session, String keyspace, ObjectMapper json, String publicBaseUrl) {
        this.session = session;
        this.json = json;
        this.publicBaseUrl = publicBaseUrl;
        String table = keyspace + ".link_idempotency";
        this.claim = session.prepare("INSERT INTO " + table + " (account, key, request_hash) VALUES (?, ?, ?) IF NOT EXISTS");
        this.record = session.prepare("UPDATE " + table + " USING TTL 86400 SET status = ?, body = ?, location = ? "
                + "WHERE account = ? AND key = ? IF request_hash = ?");
        this.release = session.prepare("DELETE FROM " + table + " WHERE account = ? AND key = ? IF request_hash = ?");
        this.read = CqlReads.prepare(session, "SELECT request_hash, status, body, location FROM " + table + " WHERE account = ? AND key = ?");
    }

    /** The answer to a create: made by {@code create} once per (account, key), replayed after that. */
    public Answer create(Caller caller, String idempotencyKey, CreateLinkRequest request, Supplier<Link> create) {
        // A caller that may not create gets its 403 before it can claim a key.
        caller.require(Scope.LINKS_WRITE);
        if (idempotencyKey == null) {
            return created(create.get());
        }
        if (!KEY_FORM.matcher(idempotencyKey).matches()) {
            throw ApiException.badRequest(HEADER + " must be 1 to 255 visible ASCII characters");
        }
        if (caller.account() == null) {
            throw ApiException.badRequest(HEADER + " needs an API key: its answers are kept per account");
        }
        String hash = hash(request);
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Row existing = serial(claim.bind(caller.account(), idempotencyKey, hash)).one();
            if (existing.getBoolean("[applied]")) {
                return first(caller, idempotencyKey, hash, create);
            }
            Row seen = existing.isNull("request_hash") ? readSerially(caller, idempotencyKey) : existing;
            if (seen != null) {
                if (!hash.equals(seen.getString("request_hash"))) {
                    throw new ApiException(422, HEADER + " '" + idempotencyKey + "' was used with another request body");
                }
                if (!seen.isNull("status")) {
                    return replay(seen);
                }
            }
            // The first request is still at work (or has just freed the key after a failure): wait for it.
            if (System.nanoTime() > deadline) {
                throw new ApiException(409, "a request with " + HEADER + " '" + idempotencyKey + "' is still in progress; retry it later");
            }
            pause();
        }
    }

    private Answer first(Caller caller, String key, String hash, Supplier<Link> create) {
        Answer answer;
        try {
            answer = created(create.get());
        } catch (ApiException refused) {
            if (refused.status() >= 500) {
                serial(release.bind(caller.account(), key, hash));
                throw refused;
            }
            serial(record.bind(refused.status(), text(new ErrorBody(refused.status(), refused.getMessage())), null,
                    caller.account(), key, hash));
            throw refused;
        } catch (RuntimeException failed) {
            serial(release.bind(caller.account(), key, hash));
            throw failed;
        }
        serial(record.bind(answer.status(), text(answer.body()), answer.location(), caller.account(), key, hash));
        return answer;
    }

    private Answer created(Link link) {
        LinkView view = LinkView.of(link, publicBaseUrl);
        return new Answer(201, view, view.location(publicBaseUrl), false);
    }

    private Answer replay(Row row) {
        try {
            return new Answer(row.getInt("status"), json.readTree(row.getString("body")), row.getString("location"), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored answer is JSON we wrote", e);
        }
    }

    private Row readSerially(Caller caller, String key) {
        return session.execute(read.bind(caller.account(), key).setConsistencyLevel(DefaultConsistencyLevel.SERIAL)).one();
    }

    private ResultSet serial(BoundStatement statement) {
        return session.execute(statement.setSerialConsistencyLevel(DefaultConsistencyLevel.SERIAL));
    }

    private String hash(CreateLinkRequest request) {
        return ApiKeySecrets.hash(text(request));
    }

    private String text(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("our own records always serialise", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted while waiting for the first request with this " + HEADER);
        }
    }
}
