package io.shortener;

import com.datastax.oss.driver.api.core.CqlSession;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.shortener.devstack.junit.RealCassandra;
import io.shortener.devstack.junit.RealClickHouse;
import io.shortener.devstack.junit.RealKafka;
import io.shortener.devstack.junit.RealRedisCluster;
import java.net.InetSocketAddress;

/**
 * The service as the integration tests run it: real Cassandra, Redis Cluster, Kafka and ClickHouse, random
 * ports, a keyspace (and a ClickHouse database of the same name) per test class.
 */
public final class TestApps {

    private TestApps() {
    }

    public static DropwizardAppExtension<ShortenerConfiguration> shortener(String keyspace, ConfigOverride... extra) {
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 9];
        overrides[0] = ConfigOverride.config("server.applicationConnectors[0].port", "0");
        overrides[1] = ConfigOverride.config("server.adminConnectors[0].port", "0");
        overrides[2] = ConfigOverride.config("cassandra.contactPoints[0]", RealCassandra.ENDPOINT.contactPoint());
        overrides[3] = ConfigOverride.config("cassandra.localDatacenter", RealCassandra.ENDPOINT.datacenter());
        overrides[4] = ConfigOverride.config("cassandra.keyspace", keyspace);
        overrides[5] = ConfigOverride.config("cache.redis.nodes", RealRedisCluster.nodes());
        overrides[6] = ConfigOverride.config("clicks.bootstrapServers", RealKafka.SETTINGS.bootstrapServers());
        overrides[7] = ConfigOverride.config("clicks.spoolDirectory", "target/spool/" + keyspace + "-" + System.nanoTime());
        // A ClickHouse database named like the keyspace: tests that read stats create it (RealClickHouse.freshDatabase).
        overrides[8] = ConfigOverride.config("stats.clickHouseUrl", RealClickHouse.SETTINGS.jdbcUrl(keyspace));
        System.arraycopy(extra, 0, overrides, 9, extra.length);
        return new DropwizardAppExtension<>(ShortenerApplication.class, "config/shortener.yml", overrides);
    }

    /** A driver session of the test's own, to look at what the service stored. */
    public static CqlSession cql() {
        return CqlSession.builder()
                .addContactPoint(new InetSocketAddress(RealCassandra.ENDPOINT.host(), RealCassandra.ENDPOINT.port()))
                .withLocalDatacenter(RealCassandra.ENDPOINT.datacenter())
                .build();
    }
}
