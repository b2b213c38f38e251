package io.shortener.click;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Gives the calling thread a lower CPU priority: a per-thread nice value, which Linux honours for a
 * single thread (the JVM offers no way to ask for it). The click sender runs niced so that, when the
 * machine is saturated, the redirect threads win the CPU and the clicks wait in the journal (on disk,
 * bounded, in order) instead of slowing the redirects; when the load drops, the sender catches up.
 */
final class SenderPriority {

    private SenderPriority() {
    }

    /** Lowers this thread to {@code nice} (1–19; 0 leaves it); returns what applied, in words, for the log. */
    static String lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return "not niced";
        }
        try {
            // "<pid>/task/<tid>": the kernel's id of this very thread.
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                return "could not be niced (renice failed)";
            }
            return "niced to " + niceOf(tid);
        } catch (IOException | UnsupportedOperationException e) {
            return "could not be niced (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "could not be niced (interrupted)";
        }
    }

    /** The nice value the kernel reports for a thread of this process (field 19 of its stat). */
    static int niceOf(String tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
        return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    }
}
