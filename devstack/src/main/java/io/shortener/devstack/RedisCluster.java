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
 * A real Redis Cluster of Debian's {@code redis-server} processes, joined with
 * {@code redis-cli --cluster create} on first start; later starts reuse each node's nodes.conf, so the
 * cluster forms again by itself.
 */
public final class RedisCluster {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ProjectHome home;
    private final RedisClusterSettings settings;
    private final Path dir;

    public RedisCluster(ProjectHome home, Path stackDir, RedisClusterSettings settings) {
        this.home = home;
        this.settings = settings;
        this.dir = stackDir.resolve("redis-" + settings.name());
    }

    public RedisClusterSettings settings() {
        return settings;
    }

    /** Starts every node that is not running, creates the cluster if it never was, and waits until it is ok. */
    public void ensureRunning() {
        boolean fresh = settings.ports().stream().noneMatch(port -> Files.exists(nodeDir(port).resolve("nodes.conf")));
        List<LocalProcess> started = new ArrayList<>();
        for (int port : settings.ports()) {
            if (running(port).isEmpty()) {
                started.add(startNode(port));
            }
        }
        if (fresh) {
            create();
        }
        awaitClusterOk(started.isEmpty() ? running(settings.firstPort()).orElseThrow() : started.get(0));
    }

    public LocalProcess startNode(int port) {
        TrackedProcess node = node(port);
        node.stop();
        Ports.requireFree(settings.address(), port, node.name());
        writeConfig(port);
        LocalProcess started = node.start(List.of(executable("redis-server"), node.marker()), Map.of());
        started.awaitReady("answering PING", READY_TIMEOUT,
                () -> RedisProbe.ask(settings.address(), port, "PING").filter("PONG"::equals).isPresent());
        return started;
    }

    public Optional<LocalProcess> running(int port) {
        return node(port).running();
    }

    public boolean stopNode(int port) {
        return node(port).stop();
    }

    public boolean stop() {
        boolean any = false;
        for (int port : settings.ports()) {
            any |= stopNode(port);
        }
        return any;
    }

    /** Stops every node and removes its data and cluster state. */
    public void wipe() {
        stop();
        DataDirectory.delete(dir);
    }

    /** The ports whose nodes are masters right now. */
    public List<Integer> masterPorts() {
        return settings.ports().stream().filter(port -> RedisProbe.isMaster(settings.address(), port)).toList();
    }

    public boolean clusterOk() {
        return settings.ports().stream()
                .filter(port -> running(port).isPresent())
                .allMatch(port -> RedisProbe.clusterOk(settings.address(), port));
    }

    /** Every running replica has finished its first sync: only then can it take over from a lost master. */
    public boolean replicasInSync() {
        return settings.ports().stream()
                .filter(port -> running(port).isPresent())
                .map(port -> RedisProbe.ask(settings.address(), port, "INFO", "replication").orElse(""))
                .allMatch(info -> info.contains("role:master") || info.contains("master_link_status:up"));
    }

    public void awaitClusterOk(LocalProcess watched) {
        watched.awaitReady("in a Redis Cluster whose state is ok, replicas in sync", READY_TIMEOUT,
                () -> clusterOk() && replicasInSync());
    }

    private void create() {
        List<String> command = new ArrayList<>(List.of(executable("redis-cli"), "--cluster", "create"));
        command.addAll(settings.nodes());
        command.addAll(List.of("--cluster-replicas", Integer.toString(settings.replicasPerMaster()), "--cluster-yes"));
        Path log = dir.resolve("cluster-create.log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run redis-cli", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Redis Cluster", e);
        }
    }

    private void writeConfig(int port) {
        Template.renderFile(home.redisConf().resolve("redis-node.conf.template"), configFile(port), Map.of(
                "address", settings.address(),
                "port", Integer.toString(port),
                "dir", nodeDir(port).toString(),
                "node_timeout", Integer.toString(settings.nodeTimeoutMillis()),
                "max_memory", settings.maxMemory()));
    }

    private static String executable(String name) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        Path debian = Path.of("/usr/bin", name);
        if (Files.isExecutable(debian)) {
            return debian.toString();
        }
        throw new IllegalStateException(name + " is not installed: apt-get install redis-server redis-tools "
                + "(bin/shortener installs them)");
    }

    private Path nodeDir(int port) {
        return dir.resolve(Integer.toString(port));
    }

    private Path configFile(int port) {
        return nodeDir(port).resolve("redis.conf");
    }

    /** One node's process, named in its title by its configuration file (see writeConfig). */
    private TrackedProcess node(int port) {
        return new TrackedProcess("redis " + settings.address() + ":" + port, nodeDir(port), nodeDir(port).resolve("redis.pid"),
                nodeDir(port).resolve("redis.log"), configFile(port).toString(), STOP_GRACE);
    }
}
