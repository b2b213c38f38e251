package io.shortener.devstack.junit;

import io.shortener.devstack.CassandraCluster;
import io.shortener.devstack.KafkaBroker;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.RedisCluster;
import io.shortener.devstack.RegionSettings;
import io.shortener.devstack.StackDefinition;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the servers of {@link StackDefinition#testRegions()} once per test JVM, with fresh data: six
 * Cassandra nodes in datacenters us-east and eu-west, and per region a Redis Cluster and a Kafka broker.
 * Tests reach the cluster through {@link #CASSANDRA} (to stop nodes and whole datacenters) and start
 * their own service instances against {@link #STACK}.
 */
public final class RealTwoRegions extends OncePerTestRun {

    public static final StackDefinition STACK = StackDefinition.testRegions();

    private static final ProjectHome HOME = ProjectHome.locate();
    private static final Path DIR = HOME.stackDir(STACK.name());

    /** The cluster's nodes, for tests that kill and restart them. */
    public static final CassandraCluster CASSANDRA = new CassandraCluster(HOME, DIR, STACK.cassandra());

    @Override
    AutoCloseable start() {
        long started = System.nanoTime();
        CASSANDRA.wipe();
        CASSANDRA.start();
        List<RedisCluster> caches = new ArrayList<>();
        List<LocalProcess> brokers = new ArrayList<>();
        for (RegionSettings region : STACK.regions()) {
            RedisCluster cache = new RedisCluster(ProjectHome.locate(), DIR, region.redis());
            cache.wipe();
            cache.ensureRunning();
            caches.add(cache);
            KafkaBroker broker = new KafkaBroker(HOME, DIR, region.kafka());
            broker.wipe();
            brokers.add(broker.start());
        }
        System.out.printf("[devstack] two regions (6 Cassandra nodes, 2 Redis Clusters, 2 Kafka brokers) ready in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        return () -> {
            brokers.forEach(broker -> broker.stop(Duration.ofSeconds(30)));
            caches.forEach(RedisCluster::stop);
            CASSANDRA.stop();
        };
    }

    /** Six nodes, two brokers, two Redis Clusters: a stack of containers this fixture does not define. */
    @Override
    AutoCloseable startContainers() {
        Assumptions.abort("-Dservers=containers: the two-region servers come from local processes only");
        return null;
    }
}
