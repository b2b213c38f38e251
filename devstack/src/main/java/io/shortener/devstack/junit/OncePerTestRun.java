package io.shortener.devstack.junit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a server the first time any test class asks for it, and closes it when the whole test run
 * ends: JUnit closes what the root context's store holds. The server is a local process, or with
 * {@code -Dservers=containers} a container on the same address and port ({@link ServerSource}); where no
 * Docker engine answers, the classes that need the server are skipped with one line saying so.
 */
abstract class OncePerTestRun implements BeforeAllCallback {

    static final String NO_DOCKER = "-Dservers=containers: no Docker engine answers (DOCKER_HOST or /var/run/docker.sock), "
            + "so the tests that need servers are skipped; without the option they start local servers";

    @Override
    public final void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        if (ServerSource.current() == ServerSource.LOCAL) {
            store.getOrComputeIfAbsent(getClass(), key -> start(), AutoCloseable.class);
            return;
        }
        boolean docker = store.getOrComputeIfAbsent(DockerEngine.class, key -> {
            boolean answers = DockerEngine.answers();
            if (!answers) {
                // Once per run: Surefire and Failsafe count a class skipped in its set-up without printing why.
                System.out.println("[devstack] " + NO_DOCKER);
            }
            return answers;
        }, Boolean.class);
        Assumptions.assumeTrue(docker, NO_DOCKER);
        try {
            store.getOrComputeIfAbsent(getClass(), key -> startContainers(), AutoCloseable.class);
        } catch (NoClassDefFoundError e) {
            Assumptions.abort("-Dservers=containers: this module's tests do not have Testcontainers on their class path ("
                    + e.getMessage() + ")");
        }
    }

    /** Starts the server, fresh, as a local process, and returns what stops it. */
    abstract AutoCloseable start();

    /** Starts the same server, fresh, as a container on the same address and port, and returns what stops it. */
    abstract AutoCloseable startContainers();
}
