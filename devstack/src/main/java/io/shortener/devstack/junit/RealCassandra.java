package io.shortener.devstack.junit;

import io.shortener.devstack.CassandraEndpoint;
import io.shortener.devstack.CassandraNode;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.Ports;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.StackDefinition;
import java.time.Duration;
import java.util.List;

/**
 * Starts the test stack's real Cassandra node once per test JVM, with fresh data, and stops it when the
 * JVM's tests are done. A node left by a killed run is stopped by PID first.
 */
public final class RealCassandra extends OncePerTestRun {

    /** Known before the node starts, so application extensions can be configured in static fields. */
    public static final CassandraEndpoint ENDPOINT = StackDefinition.test().firstNode().endpoint();

    @Override
    AutoCloseable start() {
        ProjectHome home = ProjectHome.locate();
        StackDefinition stack = StackDefinition.test();
        CassandraNode node = new CassandraNode(home, home.stackDir(stack.name()), stack.firstNode());
        node.wipe();
        long started = System.nanoTime();
        LocalProcess process = node.start();
        System.out.printf("[devstack] %s ready in %.1f s%n", process.name(), (System.nanoTime() - started) / 1e9);
        return () -> process.stop(Duration.ofSeconds(30));
    }

    @Override
    AutoCloseable startContainers() {
        ServerContainers containers = ServerContainers.start(List.of(ContainerSpecs.cassandra(StackDefinition.test().firstNode())));
        Await.until("Cassandra in a container answers on " + ENDPOINT.contactPoint(), Duration.ofMinutes(3),
                () -> Ports.accepts(ENDPOINT.host(), ENDPOINT.port()));
        return containers;
    }
}
