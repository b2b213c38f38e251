package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The copy of a built jar that a long-running process runs from: the next build rewrites the jar in
 * target/, and a JVM whose jar changes under it fails on the next class it loads. {@link #upToDate}
 * tells `up` whether the running process still has the jar built last.
 */
record RunningCopy(Path built, Path copy) {

    /** Copies the jar built last over the running copy; call before starting the process. */
    Path refresh() {
        try {
            Files.createDirectories(copy.toAbsolutePath().getParent());
            Files.copy(built, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean upToDate() {
        try {
            return Files.exists(copy) && Files.mismatch(built, copy) == -1;
        } catch (IOException e) {
            return false;
        }
    }
}
