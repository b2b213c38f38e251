package io.shortener.access;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.shortener.cassandra.CqlReads;
import io.shortener.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API keys in Cassandra: {@code api_keys} by hash (what a request looks up), {@code api_key_names} by name
 * (what an operator lists and revokes by). A name is claimed with a lightweight transaction at SERIAL, as
 * an alias is: unique across regions, and so a key can only be made while every region can answer.
 */
public final class ApiKeyStore {

    private final CqlSession session;
    private final PreparedStatement insertKey;
    private final PreparedStatement claimName;
    private final PreparedStatement pointName;
    private final PreparedStatement selectByHash;
    private final PreparedStatement selectName;
    private final PreparedStatement selectAll;
    private final PreparedStatement revoke;

    public ApiKeyStore(CqlSession session, String keyspace) {
        this.session = session;
        String keys = keyspace + ".api_keys";
        String names = keyspace + ".api_key_names";
        this.insertKey = session.prepare("INSERT INTO " + keys
                + " (hash, name, account, scopes, prefix, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        this.claimName = session.prepare("INSERT INTO " + names + " (name, hash) VALUES (?, ?) IF NOT EXISTS");
        this.pointName = session.prepare("INSERT INTO " + names + " (name, hash) VALUES (?, ?)");
        this.selectByHash = CqlReads.prepare(session, "SELECT hash, name, account, scopes, prefix, created_at, expires_at, revoked_at FROM "
                + keys + " WHERE hash = ?");
        this.selectName = CqlReads.prepare(session, "SELECT hash FROM " + names + " WHERE name = ?");
        this.selectAll = CqlReads.prepare(session, "SELECT hash, name, account, scopes, prefix, created_at, expires_at, revoked_at FROM " + keys);
        this.revoke = session.prepare("UPDATE " + keys + " SET revoked_at = ? WHERE hash = ?");
    }

    /** Stores a new key under a name no other key has had; 409 if one has. */
    public void create(ApiKey key) {
        // The key row first: a name that points nowhere would be a name lost, a key row without a name is harmless.
        session.execute(bind(key));
        boolean claimed = session.execute(claimName.bind(key.name(), key.hash())
                .setSerialConsistencyLevel(DefaultConsistencyLevel.SERIAL)).wasApplied();
        if (!claimed) {
            throw new ApiException(409, "an API key named '" + key.name() + "' exists already (revoked keys keep their names)");
        }
    }

    /**
     * The operator's initial key, kept as configured at every start: stored if missing, and the key that
     * had its name before (the configured key was changed) revoked.
     */
    public void ensure(ApiKey key, Instant now) {
        if (findByHash(key.hash()).isPresent()) {
            return;
        }
        session.execute(bind(key));
        Optional<String> previous = hashOfName(key.name());
        if (previous.isPresent() && !previous.get().equals(key.hash())) {
            session.execute(revoke.bind(now, previous.get()));
        }
        session.execute(pointName.bind(key.name(), key.hash()));
    }

    public Optional<ApiKey> findByHash(String hash) {
        return Optional.ofNullable(session.execute(selectByHash.bind(hash)).one()).map(ApiKeyStore::key);
    }

    public List<ApiKey> list() {
        List<ApiKey> keys = new ArrayList<>();
        for (Row row : session.execute(selectAll.bind())) {
            keys.add(key(row));
        }
        keys.sort((a, b) -> a.name().compareTo(b.name()));
        return keys;
    }

    /** Revokes the key of that name; false if there is none. */
    public boolean revoke(String name, Instant at) {
        Optional<String> hash = hashOfName(name);
        hash.ifPresent(h -> session.execute(revoke.bind(at, h)));
        return hash.isPresent();
    }

    private Optional<String> hashOfName(String name) {
        return Optional.ofNullable(session.execute(selectName.bind(name)).one()).map(row -> row.getString("hash"));
    }

    private BoundStatement bind(ApiKey key) {
        return insertKey.bind(key.hash(), key.name(), key.account(),
                key.scopes().stream().map(Scope::text).collect(Collectors.toSet()), key.prefix(), key.createdAt(), key.expiresAt(),
                key.revokedAt());
    }

    private static ApiKey key(Row row) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String scope : row.getSet("scopes", String.class)) {
            scopes.add(Scope.of(scope));
        }
        return new ApiKey(row.getString("hash"), row.getString("name"), row.getString("account"), scopes, row.getString("prefix"),
                row.getInstant("created_at"), row.getInstant("expires_at"), row.getInstant("revoked_at"));
    }
}
