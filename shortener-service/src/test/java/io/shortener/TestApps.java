package io.shortener;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.devstack.CassandraEndpoint;
import io.shortener.devstack.RegionSettings;
import io.shortener.devstack.ServiceTargets;
import io.shortener.devstack.StackDefinition;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service as the integration tests run it: real Cassandra, Redis Cluster, Kafka and ClickHouse, random
 * ports, a keyspace (and a ClickHouse database of the same name) per test class.
 */
public final class TestApps {

    /** The test services' initial key (every scope, account "admin"); {@link Http} sends it by default. */
    public static final String KEY = "shk_testtesttesttesttesttesttesttest";

    /**
     * One keyspace for the test classes that need no tables of their own (limits, hostile clients, a slow
     * ClickHouse): each new keyspace is a dozen schema changes, which a loaded node may take seconds each to agree on.
     */
    public static final String SHARED_KEYSPACE = "it_shared";

    private TestApps() {
    }

    /**
     * The service with the test defaults, and {@code overrides} as configuration key, value, key, value...
     * An override replaces the default of the same key: two system-property overrides of one key would
     * leave it to chance which one the configuration sees.
     */
    public static DropwizardAppExtension<ShortenerConfiguration> shortener(String keyspace, String... overrides) {
        return shortener(Clock.systemUTC(), keyspace, overrides);
    }

    /** The same, reading {@code clock} (a {@link TestClock} the test moves) wherever the service reads the time. */
    public static DropwizardAppExtension<ShortenerConfiguration> shortener(Clock clock, String keyspace, String... overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cassandra.contactPoints[0]", RealCassandra.ENDPOINT.contactPoint());
        config.put("cassandra.localDatacenter", RealCassandra.ENDPOINT.datacenter());
        config.put("cache.redis.nodes", RealRedisCluster.nodes());
        config.put("clicks.bootstrapServers", RealKafka.SETTINGS.bootstrapServers());
        return app(clock, config, keyspace, overrides);
    }

    /**
     * The service as {@code region} of a multi-region stack runs it: its datacenter's Cassandra nodes as
     * contact points, the keyspace replicated to every datacenter, its region bits, Redis Cluster and Kafka.
     */
    public static DropwizardAppExtension<ShortenerConfiguration> inRegion(StackDefinition stack, String region, String keyspace,
                                                                          String... overrides) {
        RegionSettings settings = stack.region(region);
        ServiceTargets targets = ServiceTargets.of(stack, settings);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("cassandra.contactPoints[0]", targets.cassandra().stream().map(CassandraEndpoint::contactPoint)
                .collect(Collectors.joining(",")));
        config.put("cassandra.localDatacenter", targets.datacenter());
        config.put("cassandra.replication", stack.replication().entrySet().stream()
                .map(factor -> factor.getKey() + ": " + factor.getValue()).collect(Collectors.joining(", ")));
        config.put("ids.region", Integer.toString(settings.id()));
        config.put("cache.redis.nodes", String.join(",", settings.redis().nodes()));
        config.put("clicks.bootstrapServers", settings.kafka().bootstrapServers());
        return app(Clock.systemUTC(), config, keyspace, overrides);
    }

    private static DropwizardAppExtension<ShortenerConfiguration> app(Clock clock, Map<String, String> connections, String keyspace,
                                                                      String... overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("server.applicationConnectors[0].port", "0");
        config.put("server.adminConnectors[0].port", "0");
        config.putAll(connections);
        config.put("cassandra.keyspace", keyspace);
        config.put("access.initialKey", KEY);
        // Keys of the tests' own: the shipped placeholders would stop the service from starting.
        config.put("ids.codeKey", "test-code-key");
        config.put("clicks.visitorKey", "test-visitor-key");
        // The tests drive the service from loopback faster than any one client may; LimitsIT takes this away.
        config.put("limits.exemptClients", "127.0.0.0/8,::1/128");
        config.put("clicks.spoolDirectory", "target/spool/" + keyspace + "-" + System.nanoTime());
        // No drain when a test stops its app: no load balancer is watching (ServiceCrashIT tests the drain on the packaged jar).
        config.put("probes.drainPeriod", "0s");
        // A ClickHouse database named like the keyspace: tests that read stats create it (RealClickHouse.freshDatabase).
        config.put("stats.clickHouseUrl", RealClickHouse.SETTINGS.jdbcUrl(keyspace));
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides come in key, value pairs");
        }
        for (int i = 0; i < overrides.length; i += 2) {
            config.put(overrides[i], overrides[i + 1]);
        }
        ConfigOverride[] configOverrides = config.entrySet().stream()
                .map(entry -> ConfigOverride.config(entry.getKey(), entry.getValue())).toArray(ConfigOverride[]::new);
        return new DropwizardAppExtension<>(new DropwizardTestSupport<>(ShortenerApplication.class, "config/shortener.yml", configOverrides) {
            @Override
            public Application<ShortenerConfiguration> newApplication() {
                return new ShortenerApplication(clock);
            }
        });
    }

    /** A driver session of the test's own, to look at what the service stored. */
    public static CqlSession cql() {
        return cql(RealCassandra.ENDPOINT);
    }

    /**
     * A driver session of the test's own through one node, local to that node's datacenter; requests wait
     * 10 s, not the default 2 s, since a test may read while a cluster on two cores is busy.
     */
    public static CqlSession cql(CassandraEndpoint node) {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(node.host(), node.port()))
                .withLocalDatacenter(node.datacenter())
                .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
                        // Closed at the end of each test class: no 2 s wait for tasks no one will submit.
                        .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                        .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0).build())
                .build();
    }
}
