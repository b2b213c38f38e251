package io.shortener.devstack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checkout the servers are started from: where node classpaths, configuration templates and the
 * data folders of each stack live.
 */
public record ProjectHome(Path root) {

    public static final String PROPERTY = "shortener.home";
    public static final String ENVIRONMENT = "SHORTENER_HOME";

    public ProjectHome {
        root = root.toAbsolutePath().normalize();
    }

    /** From {@value #PROPERTY}, then {@value #ENVIRONMENT}, then the nearest folder up from here that looks like the checkout. */
    public static ProjectHome locate() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (configured != null && !configured.isBlank()) {
            return new ProjectHome(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("cassandra/schema.cql")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new ProjectHome(dir);
            }
        }
        throw new IllegalStateException("cannot find the shortener checkout from " + Path.of("").toAbsolutePath()
                + ": set -D" + PROPERTY + " or " + ENVIRONMENT);
    }

    public Path cassandraConf() {
        return root.resolve("cassandra/conf");
    }

    public Path cassandraClasspath() {
        return requireBuilt(root.resolve("cassandra/target/classpath.txt"), "cassandra");
    }

    public Path redisConf() {
        return root.resolve("redis/conf");
    }

    public Path kafkaConf() {
        return root.resolve("kafka/conf");
    }

    public Path kafkaClasspath() {
        return requireBuilt(root.resolve("kafka/target/classpath.txt"), "kafka");
    }

    public Path clickHouseConf() {
        return root.resolve("clickhouse/conf");
    }

    public Path clickHouseSchema() {
        return root.resolve("clickhouse/schema");
    }

    public Path clickHouseQueries() {
        return root.resolve("clickhouse/queries");
    }

    public Path analyticsJar() {
        return requireBuilt(root.resolve("analytics-spark/target/analytics-spark.jar"), "analytics-spark");
    }

    public Path analyticsClasspath() {
        return requireBuilt(root.resolve("analytics-spark/target/classpath.txt"), "analytics-spark");
    }

    public Path analyticsConf() {
        return root.resolve("analytics-spark/conf");
    }

    /** prometheus.yml, alerts.yml and the local stack's targets. */
    public Path prometheusConf() {
        return root.resolve("monitoring/prometheus");
    }

    public Path serviceJar() {
        return requireBuilt(root.resolve("shortener-service/target/shortener-service.jar"), "shortener-service");
    }

    public Path serviceConfig() {
        return root.resolve("shortener-service/config/shortener.yml");
    }

    /** Each stack (the local run, the tests) keeps its processes' data, logs and pid files apart. */
    public Path stackDir(String stack) {
        return root.resolve(".devstack").resolve(stack);
    }

    private static Path requireBuilt(Path file, String module) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build it first (mvn -pl " + module + " -am package -DskipTests)");
        }
        return file;
    }
}
