package io.shortener.devstack.junit;

import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.RedisCluster;
import io.shortener.devstack.RedisClusterSettings;
import io.shortener.devstack.RedisProbe;
import io.shortener.devstack.StackDefinition;
import java.time.Duration;

/**
 * Starts the test stack's real Redis Cluster (3 masters, 3 replicas on 127.0.0.11) once per test JVM,
 * empty, and stops it when the JVM's tests are done.
 */
public final class RealRedisCluster extends OncePerTestRun {

    public static final RedisClusterSettings SETTINGS = StackDefinition.test().region().redis();

    /** The seed nodes, as the service's {@code cache.redis.nodes} takes them. */
    public static String nodes() {
        return String.join(",", SETTINGS.nodes());
    }

    @Override
    AutoCloseable start() {
        RedisCluster cluster = new RedisCluster(ProjectHome.locate(), ProjectHome.locate().stackDir(StackDefinition.test().name()), SETTINGS);
        cluster.wipe();
        long started = System.nanoTime();
        cluster.ensureRunning();
        System.out.printf("[devstack] redis cluster %s ready in %.1f s%n", SETTINGS.nodes(), (System.nanoTime() - started) / 1e9);
        return cluster::stop;
    }

    @Override
    AutoCloseable startContainers() {
        ServerContainers containers = ServerContainers.start(ContainerSpecs.redis(ProjectHome.locate(), SETTINGS));
        containers.exec(ContainerSpecs.redisClusterCreate(SETTINGS));
        Await.until("the Redis Cluster in containers reports cluster_state:ok on every node", Duration.ofMinutes(1),
                () -> SETTINGS.ports().stream().allMatch(port -> RedisProbe.clusterOk(SETTINGS.address(), port)));
        return containers;
    }
}
