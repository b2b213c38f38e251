package io.shortener.devstack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a server the first time any test class asks for it, and closes it when the whole test run
 * ends: JUnit closes what the root context's store holds.
 */
abstract class OncePerTestRun implements BeforeAllCallback {

    @Override
    public final void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(getClass(), key -> start(), AutoCloseable.class);
    }

    /** Starts the server, fresh, and returns what stops it. */
    abstract AutoCloseable start();
}
