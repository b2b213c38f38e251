package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every server started as a JVM of its own needs: the running Java, and a classpath a module resolved. */
public final class ForkedJvm {

    private ForkedJvm() {
    }

    /** The java of the JVM doing the starting: the servers run on the same Java 17. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A classpath written by a module's {@code dependency:build-classpath}. */
    static String classpath(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
