package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A real Cassandra 5 node as a forked JVM ({@code CassandraDaemon}) on the classpath that the
 * {@code cassandra} module resolves, with a {@code cassandra.yaml} rendered from
 * {@code cassandra/conf/cassandra.yaml.template}.
 */
public final class CassandraNode {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ProjectHome home;
    private final CassandraNodeSettings settings;
    private final Path dir;
    private final TrackedProcess process;

    public CassandraNode(ProjectHome home, Path stackDir, CassandraNodeSettings settings) {
        this.home = home;
        this.settings = settings;
        this.dir = stackDir.resolve("cassandra-" + settings.nodeName());
        this.process = TrackedProcess.jvm("cassandra " + settings.nodeName() + " (" + settings.address() + ", "
                + settings.datacenter() + ")", dir, "cassandra.pid", "logs/stdout.log", STOP_GRACE);
    }

    public CassandraNodeSettings settings() {
        return settings;
    }

    public CassandraEndpoint endpoint() {
        return settings.endpoint();
    }

    /** The node a previous start left running, if any. */
    public Optional<LocalProcess> running() {
        return process.running();
    }

    /** Starts the node (ending any leftover of ours from a killed run first) and waits until CQL answers. */
    public LocalProcess start() {
        return awaitCql(launch());
    }

    /**
     * Starts the node's JVM and returns at once: nodes of one cluster are launched together and then
     * awaited, so that their gossip meets while they boot.
     */
    LocalProcess launch() {
        stop();
        // Readiness is "the CQL port answers": a stranger already on it would look like our node.
        Ports.requireFree(settings.address(), settings.nativePort(), process.name());
        writeConfiguration();
        return process.start(command(), Map.of());
    }

    LocalProcess awaitCql(LocalProcess started) {
        started.awaitReady("accepting CQL on " + endpoint().contactPoint(), START_TIMEOUT,
                () -> Ports.accepts(settings.address(), settings.nativePort()));
        return started;
    }

    /** The running node if there is one, else a fresh start on the data already on disk. */
    public LocalProcess ensureRunning() {
        return awaitCql(running().orElseGet(this::launch));
    }

    /**
     * Runs Cassandra's own nodetool against this node (over its JMX port) and returns what it printed;
     * nodetool's exit status other than 0 is an error carrying its output.
     */
    public String nodetool(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(ForkedJvm.java(), "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + home.cassandraConf().resolve("logback-tools.xml")));
        command.addAll(List.of(serverOptions(), "@" + home.cassandraConf().resolve("jvm17-clients.options")));
        command.addAll(List.of("-cp", ForkedJvm.classpath(home.cassandraClasspath()), "org.apache.cassandra.tools.NodeTool",
                "-h", "127.0.0.1", "-p", Integer.toString(settings.jmxPort())));
        command.addAll(arguments);
        try {
            Process nodetool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(nodetool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (nodetool.waitFor() != 0) {
                throw new IllegalStateException("nodetool " + String.join(" ", arguments) + " against " + process.name()
                        + " failed (status " + nodetool.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while nodetool ran", e);
        }
    }

    public boolean stop() {
        return process.stop();
    }

    /** Stops the node and removes its data, logs and configuration. */
    public void wipe() {
        process.wipe();
    }

    private void writeConfiguration() {
        Path conf = home.cassandraConf();
        Template.renderFile(conf.resolve("cassandra.yaml.template"), dir.resolve("conf/cassandra.yaml"), Map.of(
                "cluster_name", settings.clusterName(),
                "address", settings.address(),
                "native_port", Integer.toString(settings.nativePort()),
                "storage_port", Integer.toString(settings.storagePort()),
                "seeds", String.join(",", settings.seeds()),
                "token_assignment", settings.tokenAssignment(),
                "data_dir", dir.resolve("data").toString(),
                "concurrency", Integer.toString(settings.size().concurrency)));
        Template.renderFile(conf.resolve("cassandra-rackdc.properties.template"), dir.resolve("conf/cassandra-rackdc.properties"),
                Map.of("datacenter", settings.datacenter(), "rack", settings.rack()));
        try {
            Files.copy(conf.resolve("logback.xml"), dir.resolve("conf/logback.xml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Cassandra needs opened up on Java 17, as a java argument file shared with Ansible's cassandra role. */
    private String serverOptions() {
        return "@" + home.cassandraConf().resolve("jvm17-server.options");
    }

    private List<String> command() {
        String classpath = ForkedJvm.classpath(home.cassandraClasspath());
        List<String> command = new ArrayList<>();
        command.add(ForkedJvm.java());
        // Names the node by its data folder, which no other node on this machine shares.
        command.add(process.marker());
        command.addAll(List.of(
                "-Xms" + settings.heap(), "-Xmx" + settings.heap(),
                "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=256m", "-Xss512k",
                "-Djava.net.preferIPv4Stack=true",
                "-Dcassandra.config=file://" + dir.resolve("conf/cassandra.yaml"),
                "-Dcassandra-rackdc.properties=file://" + dir.resolve("conf/cassandra-rackdc.properties"),
                "-Dlogback.configurationFile=" + dir.resolve("conf/logback.xml"),
                "-Dcassandra.storagedir=" + dir.resolve("data"),
                "-Dcassandra.logdir=" + dir.resolve("logs"),
                "-Dcassandra-foreground=yes",
                "-Dcassandra.jmx.local.port=" + settings.jmxPort(),
                // Skip the 30 s gossip settling a production node waits for: these nodes are all on one machine.
                "-Dcassandra.ring_delay_ms=1000",
                "-Dcassandra.skip_wait_for_gossip_to_settle=0",
                // A node that misses a schema push (six nodes on two cores drop messages while they boot) pulls the
                // schema when gossip shows it differs, at most this often: by default once a minute, which left one
                // node without the tables for 64 s after they were created.
                "-Dcassandra.schema_pull_interval_ms=5000",
                // A node up for longer than this postpones the pull of a schema version gossip shows it lacks by as
                // much again (60 s by default): a clean-clone run saw two of six nodes a table behind for over half a
                // minute, while the service waited for their agreement to start.
                "-Dcassandra.migration_delay_ms=1000"));
        if (settings.throwawayData()) {
            command.add("-Dcassandra.skip_sync=true");
        }
        if (settings.size().quickJitOnly) {
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m"));
        }
        command.add(serverOptions());
        command.addAll(List.of("-cp", classpath, "org.apache.cassandra.service.CassandraDaemon"));
        return command;
    }
}
