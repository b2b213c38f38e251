package io.shortener.devstack.junit;

import io.shortener.devstack.ClickHouseServer;
import io.shortener.devstack.ClickHouseSettings;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.StackDefinition;
import java.time.Duration;
import java.util.List;

/** Starts the test stack's real ClickHouse (127.0.0.11:18123) once per test JVM, empty. */
public final class RealClickHouse extends OncePerTestRun {

    public static final ClickHouseSettings SETTINGS = StackDefinition.test().clickhouse();

    @Override
    AutoCloseable start() {
        ClickHouseServer server = server();
        server.wipe();
        long started = System.nanoTime();
        LocalProcess process = server.start();
        System.out.printf("[devstack] %s ready in %.1f s%n", process.name(), (System.nanoTime() - started) / 1e9);
        return () -> process.stop(Duration.ofSeconds(20));
    }

    /** A database of the test's own, dropped and created again with the versioned schema; returns its JDBC URL. */
    public static String freshDatabase(String database) {
        ClickHouseServer server = server();
        server.http().execute(null, "DROP DATABASE IF EXISTS " + database);
        server.migrations().apply(database);
        return SETTINGS.jdbcUrl(database);
    }

    private static ClickHouseServer server() {
        ProjectHome home = ProjectHome.locate();
        return new ClickHouseServer(home, home.stackDir(StackDefinition.test().name()), SETTINGS);
    }

    @Override
    AutoCloseable startContainers() {
        ServerContainers containers = ServerContainers.start(List.of(ContainerSpecs.clickhouse(ProjectHome.locate(), SETTINGS)));
        Await.until("ClickHouse in a container answers on " + SETTINGS.httpUrl(), Duration.ofMinutes(3), server()::answers);
        return containers;
    }
}
