package io.shortener.access;

import com.datastax.oss.driver.api.core.CqlSession;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.shortener.ShortenerConfiguration;
import io.shortener.cassandra.CassandraFactory;
import io.shortener.error.ApiException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code apikey create|list|revoke}: API keys from the command line, against the Cassandra of the given
 * configuration. {@code create} prints the key alone on its last line, once: it is stored only as a hash.
 */
public final class ApiKeyCommand extends ConfiguredCommand<ShortenerConfiguration> {

    public ApiKeyCommand() {
        super("apikey", "create, list or revoke API keys");
    }

    @Override
    public void configure(Subparser subparser) {
        // Before the configuration file's own argument: apikey create … config.yml.
        subparser.addArgument("action").choices("create", "list", "revoke").help("what to do");
        super.configure(subparser);
        subparser.addArgument("--name").help("the key's name (create, revoke)");
        subparser.addArgument("--scopes").setDefault("links:write,links:read,stats:read")
                .help("comma-separated: links:write, links:read, stats:read, admin, or all (create)");
        subparser.addArgument("--account").help("whose links the key sees; by default the key's name (create)");
        subparser.addArgument("--expires-in").help("a lifetime like 90d, 12h or 30m; by default none (create)");
    }

    @Override
    protected void run(Bootstrap<ShortenerConfiguration> bootstrap, Namespace namespace, ShortenerConfiguration config) {
        CassandraFactory cassandra = config.getCassandra();
        Clock clock = Clock.systemUTC();
        List<String> output = new ArrayList<>();
        try (CqlSession session = cassandra.connect()) {
            if (cassandra.isApplySchema()) {
                cassandra.schema().apply(session);
            }
            ApiKeyStore store = new ApiKeyStore(session, cassandra.getKeyspace());
            String name = namespace.getString("name");
            switch (namespace.getString("action")) {
                case "create" -> output.addAll(create(store, required(name), namespace, clock));
                case "list" -> store.list().forEach(key -> output.add(describe(key, clock.instant())));
                case "revoke" -> {
                    if (!store.revoke(required(name), clock.instant())) {
                        throw new IllegalArgumentException("no API key named '" + name + "'");
                    }
                    output.add("revoked " + name + " (every instance refuses it within access.keyCacheTtl)");
                }
                default -> throw new IllegalArgumentException("create, list or revoke");
            }
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        // After the session has closed, so that nothing it logs can follow a new key's line.
        output.forEach(System.out::println);
    }

    private static List<String> create(ApiKeyStore store, String name, Namespace namespace, Clock clock) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a key's name is 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String account = namespace.getString("account") == null ? name : namespace.getString("account");
        Instant now = clock.instant();
        String expiresIn = namespace.getString("expires_in");
        Instant expiresAt = expiresIn == null ? null : now.plus(lifetime(expiresIn));
        String key = new ApiKeySecrets(new SecureRandom()).generate();
        ApiKey stored = new ApiKey(ApiKeySecrets.hash(key), name, account, Scope.parseList(namespace.getString("scopes")),
                ApiKeySecrets.displayPrefix(key), now, expiresAt, null);
        store.create(stored);
        return List.of("created API key '" + name + "' for account '" + account + "' with scopes " + Scope.list(stored.scopes())
                + (expiresAt == null ? "" : ", expiring at " + expiresAt) + "; it is shown only now:", key);
    }

    /** A refusal (no such key, a taken name, a bad option) is a line for the operator, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException) {
            cli.getStdErr().println("apikey: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    static Duration lifetime(String text) {
        try {
            String unit = text.substring(text.length() - 1).toLowerCase(Locale.ROOT);
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            Duration lifetime = switch (unit) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> throw new IllegalArgumentException();
            };
            if (lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException();
            }
            return lifetime;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--expires-in takes a positive lifetime like 90d, 12h or 30m, not " + text);
        }
    }

    private static String describe(ApiKey key, Instant now) {
        String state = key.revokedAt() != null ? "revoked " + key.revokedAt()
                : key.expiresAt() != null && !now.isBefore(key.expiresAt()) ? "expired " + key.expiresAt()
                : key.expiresAt() != null ? "valid until " + key.expiresAt() : "valid";
        return String.format(Locale.ROOT, "%-20s %-12s account %-16s scopes %-40s created %s, %s", key.name(), key.prefix() + "…",
                key.account(), Scope.list(key.scopes()), key.createdAt(), state);
    }

    private static String required(String name) {
        if (name == null) {
            throw new IllegalArgumentException("--name is required");
        }
        return name;
    }
}
