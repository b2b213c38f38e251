package io.shortener.devstack.junit;

import io.shortener.devstack.CassandraEndpoint;
import io.shortener.devstack.CassandraNode;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.StackDefinition;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the test stack's real Cassandra node once per test JVM, with fresh data, and stops it when the
 * JVM's tests are done. A node left by a killed run is stopped by PID first.
 */
public final class RealCassandra implements BeforeAllCallback {

    /** Known before the node starts, so application extensions can be configured in static fields. */
    public static final CassandraEndpoint ENDPOINT = StackDefinition.test().cassandra().endpoint();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningNode.class, key -> RunningNode.start(), RunningNode.class);
    }

    /** Closed by JUnit when the root context closes, at the end of the run. */
    static final class RunningNode implements AutoCloseable {

        private final LocalProcess process;

        private RunningNode(LocalProcess process) {
            this.process = process;
        }

        static RunningNode start() {
            ProjectHome home = ProjectHome.locate();
            StackDefinition stack = StackDefinition.test();
            CassandraNode node = new CassandraNode(home, home.stackDir(stack.name()), stack.cassandra());
            node.wipe();
            long started = System.nanoTime();
            LocalProcess process = node.start();
            System.out.printf("[devstack] %s ready in %.1f s%n", process.name(), (System.nanoTime() - started) / 1e9);
            return new RunningNode(process);
        }

        @Override
        public void close() {
            process.stop(Duration.ofSeconds(30));
        }
    }
}
