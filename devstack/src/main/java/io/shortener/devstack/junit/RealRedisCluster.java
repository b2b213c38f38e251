package io.shortener.devstack.junit;

import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.RedisCluster;
import io.shortener.devstack.RedisClusterSettings;
import io.shortener.devstack.StackDefinition;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the test stack's real Redis Cluster (3 masters, 3 replicas on 127.0.0.11) once per test JVM,
 * empty, and stops it when the JVM's tests are done.
 */
public final class RealRedisCluster implements BeforeAllCallback {

    public static final RedisClusterSettings SETTINGS = StackDefinition.test().redis();

    /** The seed nodes, as the service's {@code cache.redis.nodes} takes them. */
    public static String nodes() {
        return String.join(",", SETTINGS.nodes());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningCluster.class, key -> RunningCluster.start(), RunningCluster.class);
    }

    static final class RunningCluster implements AutoCloseable {

        private final RedisCluster cluster;

        private RunningCluster(RedisCluster cluster) {
            this.cluster = cluster;
        }

        static RunningCluster start() {
            ProjectHome home = ProjectHome.locate();
            RedisCluster cluster = new RedisCluster(home.stackDir(StackDefinition.test().name()), SETTINGS);
            cluster.wipe();
            long started = System.nanoTime();
            cluster.ensureRunning();
            System.out.printf("[devstack] redis cluster %s ready in %.1f s%n", SETTINGS.nodes(), (System.nanoTime() - started) / 1e9);
            return new RunningCluster(cluster);
        }

        @Override
        public void close() {
            cluster.stop();
        }
    }
}
