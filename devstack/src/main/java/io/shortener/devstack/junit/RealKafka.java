package io.shortener.devstack.junit;

import io.shortener.devstack.KafkaBroker;
import io.shortener.devstack.KafkaBrokerSettings;
import io.shortener.devstack.LocalProcess;
import io.shortener.devstack.ProjectHome;
import io.shortener.devstack.StackDefinition;
import java.time.Duration;
import java.util.List;

/** Starts the test stack's real Kafka broker (127.0.0.11:19092, topic clicks) once per test JVM, empty. */
public final class RealKafka extends OncePerTestRun {

    public static final KafkaBrokerSettings SETTINGS = StackDefinition.test().region().kafka();

    @Override
    AutoCloseable start() {
        ProjectHome home = ProjectHome.locate();
        KafkaBroker broker = new KafkaBroker(home, home.stackDir(StackDefinition.test().name()), SETTINGS);
        broker.wipe();
        long started = System.nanoTime();
        LocalProcess process = broker.start();
        System.out.printf("[devstack] %s ready in %.1f s%n", process.name(), (System.nanoTime() - started) / 1e9);
        return () -> process.stop(Duration.ofSeconds(30));
    }

    @Override
    AutoCloseable startContainers() {
        ServerContainers containers = ServerContainers.start(List.of(ContainerSpecs.kafka(SETTINGS)));
        ContainerSpecs.kafkaTopics(SETTINGS).forEach(containers::exec);
        return containers;
    }
}
