package io.shortener.devstack.junit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Runs {@link ContainerSpec}s with Testcontainers, on the host's network, and stops them all when closed.
 * Loaded only with {@code -Dservers=containers}, and only once a Docker engine has answered.
 */
final class ServerContainers implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<GenericContainer<?>> containers = new ArrayList<>();

    static ServerContainers start(List<ContainerSpec> specs) {
        ServerContainers started = new ServerContainers();
        try {
            for (ContainerSpec spec : specs) {
                GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(spec.image()))
                        .withNetworkMode("host")
                        .withEnv(spec.environment())
                        .waitingFor(spec.readyLog() == null ? new NoWait() : Wait.forLogMessage(spec.readyLog(), 1)
                                .withStartupTimeout(START_TIMEOUT));
                if (!spec.command().isEmpty()) {
                    container.withCommand(spec.command().toArray(String[]::new));
                }
                spec.files().forEach((path, content) -> container.withCopyToContainer(Transferable.of(content), path));
                started.containers.add(container);
                container.start();
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** Runs {@code command} in the first container; fails with its output unless it exits 0. */
    void exec(List<String> command) {
        try {
            Container.ExecResult result = containers.get(0).execInContainer(command.toArray(String[]::new));
            if (result.getExitCode() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + result.getExitCode() + ":\n"
                        + result.getStdout() + result.getStderr());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        containers.forEach(GenericContainer::stop);
    }

    /** The fixture asks the server itself (as it asks a local one): host networking has no mapped port to wait on. */
    private static final class NoWait extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
        }
    }
}
