package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A server running as a process of its own: started in a session of its own (so it outlives the JVM or
 * shell that started it, as `bin/shortener up` needs), tracked by a pid file, stopped by PID.
 */
public final class LocalProcess {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 40;

    private final String name;
    private final ProcessHandle handle;
    private final Path pidFile;
    private final Path logFile;

    private LocalProcess(String name, ProcessHandle handle, Path pidFile, Path logFile) {
        this.name = name;
        this.handle = handle;
        this.pidFile = pidFile;
        this.logFile = logFile;
    }

    /** Where the words of the CPU share that applied are kept, for `status` of a process started earlier. */
    private static Path cpuFile(Path pidFile) {
        return pidFile.resolveSibling(pidFile.getFileName() + ".cpu");
    }

    /** Stops whatever a killed run left under the same pid file, then starts the process. */
    public static LocalProcess start(ProcessSpec spec, Duration stopGrace) {
        stopRecorded(spec.pidFile(), spec.marker(), stopGrace);
        try {
            Files.createDirectories(spec.workDir());
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            Files.createDirectories(spec.pidFile().toAbsolutePath().getParent());
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                // A session of its own: a Ctrl-C in the terminal that ran `up` must not reach the servers.
                command.add("/usr/bin/setsid");
            }
            CpuIsolation.Applied cpu = CpuIsolation.onThisMachine().prepare(ProcessSpec.cpuGroup(spec.pidFile()), spec.cpu());
            command.addAll(cpu.prefix());
            command.addAll(spec.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workDir().toFile())
                    .redirectInput(Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(Redirect.appendTo(spec.logFile().toFile()))
                    .redirectErrorStream(true);
            builder.environment().putAll(spec.environment());
            ProcessHandle handle = builder.start().toHandle();
            // Until the child runs its own command: for a few milliseconds after the fork, /proc shows the JDK's
            // spawn helper, without our marker, and a pid file written then would name a process that a start or
            // stop right after could not recognise as ours (it left the old process running beside the new one).
            carriesMarker(handle, spec.marker(), Duration.ofSeconds(2));
            Files.writeString(spec.pidFile(), Long.toString(handle.pid()), StandardCharsets.UTF_8);
            Files.writeString(cpuFile(spec.pidFile()), cpu.description(), StandardCharsets.UTF_8);
            return new LocalProcess(spec.name(), handle, spec.pidFile(), spec.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.name(), e);
        }
    }

    /** The process a pid file names, if it is alive and is still ours. */
    public static Optional<LocalProcess> attach(String name, Path pidFile, String marker, Path logFile) {
        return recordedProcess(pidFile, marker).map(handle -> new LocalProcess(name, handle, pidFile, logFile));
    }

    /** Stops the process a pid file names, if it is still ours, and removes the pid file. */
    public static boolean stopRecorded(Path pidFile, String marker, Duration grace) {
        Optional<ProcessHandle> recorded = recordedProcess(pidFile, marker);
        recorded.ifPresent(handle -> terminate(handle, grace));
        deleteQuietly(pidFile);
        CpuIsolation.onThisMachine().release(ProcessSpec.cpuGroup(pidFile));
        return recorded.isPresent();
    }

    private static Optional<ProcessHandle> recordedProcess(Path pidFile, String marker) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        // A pid is reused once its process is gone: only a live process whose command line carries our
        // marker is ours to stop.
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(handle -> carriesMarker(handle, marker, Duration.ofMillis(200)));
    }

    /**
     * Whether the process's command line carries the marker, read again until {@code patience} is out when
     * it does not. After a start, a recorded process is given 200 ms too: a JVM started a few milliseconds
     * before was now and then read without its marker (1 time in 8 in TrackedProcessTest, which then left
     * it running), while a stranger costs only the wait.
     */
    private static boolean carriesMarker(ProcessHandle handle, String marker, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            if (commandLine(handle).map(line -> line.contains(marker)).orElse(false)) {
                return true;
            }
            if (!handle.isAlive() || System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /**
     * The command line as the process shows it now. /proc first: servers that retitle themselves (Redis)
     * leave ProcessHandle.Info without a command line.
     */
    private static Optional<String> commandLine(ProcessHandle handle) {
        Path proc = Path.of("/proc", Long.toString(handle.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return Optional.of(new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' '));
            }
        } catch (IOException e) {
            // Gone in between, or not ours to read: fall back to what the JDK can tell.
        }
        return handle.info().commandLine();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Polls {@code ready} until it holds; fails at once, with the log's tail, if the process dies first. */
    public void awaitReady(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!handle.isAlive()) {
                throw new IllegalStateException(name + " exited before " + what + "; end of " + logFile + ":\n" + logTail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not " + what + " within " + timeout + "; end of "
                        + logFile + ":\n" + logTail());
            }
            sleep(POLL);
        }
    }

    public void stop(Duration grace) {
        terminate(handle, grace);
        deleteQuietly(pidFile);
        CpuIsolation.onThisMachine().release(ProcessSpec.cpuGroup(pidFile));
    }

    /** The CPU share the kernel holds this process to, in words (as recorded when it started). */
    public String cpuShare() {
        try {
            return Files.readString(cpuFile(pidFile), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Stops the process where it stands (SIGSTOP), every thread; {@link #resume} lets it go on. */
    public void pause() {
        if (!signal(handle, "STOP")) {
            throw new IllegalStateException("could not pause " + name + " (pid " + handle.pid() + ")");
        }
    }

    public void resume() {
        if (!signal(handle, "CONT")) {
            throw new IllegalStateException("could not resume " + name + " (pid " + handle.pid() + ")");
        }
    }

    /** Whether the process is stopped by a signal (state T in /proc). */
    public boolean isPaused() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"), StandardCharsets.UTF_8);
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("T");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean signal(ProcessHandle handle, String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(handle.pid()))
                    .redirectOutput(Redirect.DISCARD).redirectErrorStream(true).start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Kills without a chance to clean up, as a crash or `kill -9` would. */
    public void kill() {
        handle.destroyForcibly();
        awaitExit(handle, Duration.ofSeconds(10));
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void terminate(ProcessHandle handle, Duration grace) {
        if (!handle.isAlive()) {
            return;
        }
        // A paused process would take SIGTERM only once resumed: resume it, or it could not stop cleanly.
        signal(handle, "CONT");
        handle.destroy();
        if (!awaitExit(handle, grace)) {
            handle.destroyForcibly();
            awaitExit(handle, Duration.ofSeconds(10));
        }
    }

    private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A pid file we cannot delete is harmless: its marker check keeps it from naming a stranger.
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
