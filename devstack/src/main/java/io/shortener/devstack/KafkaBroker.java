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
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka 4 broker in KRaft mode as a forked JVM ({@code kafka.Kafka}) on the classpath the
 * {@code kafka} module resolves: storage formatted on first start, topics created once it answers.
 */
public final class KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ProjectHome home;
    private final KafkaBrokerSettings settings;
    private final Path dir;
    private final TrackedProcess process;

    public KafkaBroker(ProjectHome home, Path stackDir, KafkaBrokerSettings settings) {
        this.home = home;
        this.settings = settings;
        this.dir = stackDir.resolve("kafka-" + settings.name());
        this.process = TrackedProcess.jvm("kafka " + settings.name() + " (" + settings.bootstrapServers() + ")", dir,
                "kafka.pid", "logs/stdout.log", STOP_GRACE);
    }

    public KafkaBrokerSettings settings() {
        return settings;
    }

    public Optional<LocalProcess> running() {
        return process.running();
    }

    public LocalProcess ensureRunning() {
        return running().orElseGet(this::start);
    }

    /** Starts the broker (formatting its storage the first time), waits until it answers, creates the topics. */
    public LocalProcess start() {
        stop();
        Ports.requireFree(settings.address(), settings.port(), process.name());
        writeConfiguration();
        if (!Files.exists(dir.resolve("data/meta.properties"))) {
            String clusterId = tool("kafka.tools.StorageTool", "random-uuid").strip();
            tool("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", config().toString());
        }
        List<String> command = java();
        command.addAll(List.of("-Xms128m", "-Xmx128m", "-XX:+UseG1GC", "-XX:MaxDirectMemorySize=128m",
                "kafka.Kafka", config().toString()));
        LocalProcess started = process.start(command, Map.of(), settings.cpu());
        started.awaitReady("accepting connections on " + settings.bootstrapServers(), START_TIMEOUT,
                () -> Ports.accepts(settings.address(), settings.port()));
        for (KafkaBrokerSettings.TopicSpec topic : settings.topics()) {
            tool("org.apache.kafka.tools.TopicCommand", "--bootstrap-server", settings.bootstrapServers(), "--create",
                    "--if-not-exists", "--topic", topic.name(), "--partitions", Integer.toString(topic.partitions()),
                    "--replication-factor", "1");
        }
        return started;
    }

    public boolean stop() {
        return process.stop();
    }

    public void wipe() {
        process.wipe();
    }

    private void writeConfiguration() {
        Template.renderFile(home.kafkaConf().resolve("server.properties.template"), config(), Map.of(
                "node_id", "1",
                "address", settings.address(),
                "port", Integer.toString(settings.port()),
                "controller_port", Integer.toString(settings.controllerPort()),
                "log_dirs", dir.resolve("data").toString()));
    }

    /** Runs one of Kafka's command-line tools on the broker's classpath and returns what it printed. */
    private String tool(String mainClass, String... args) {
        List<String> command = java();
        command.add(mainClass);
        command.addAll(List.of(args));
        try {
            Files.createDirectories(dir.resolve("logs"));
            Path out = dir.resolve("logs/tool.out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(out.toFile())).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " " + String.join(" ", args) + " failed:\n"
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + mainClass, e);
        }
    }

    private List<String> java() {
        String classpath = ForkedJvm.classpath(home.kafkaClasspath());
        return new ArrayList<>(List.of(ForkedJvm.java(), process.marker(),
                "-Dlog4j2.configurationFile=" + home.kafkaConf().resolve("log4j2.properties"),
                "-Dkafka.logs.dir=" + dir.resolve("logs"), "-cp", classpath));
    }

    private Path config() {
        return dir.resolve("conf/server.properties");
    }
}
