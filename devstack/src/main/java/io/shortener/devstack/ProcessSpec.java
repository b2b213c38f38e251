package io.shortener.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One server process to start. {@code marker} is a string that appears in the command line and in no
 * other process's, so a pid file left by a killed run is only acted on while it still names our process.
 * {@code cpu} is the share of the machine the kernel holds it to (see {@link CpuIsolation}).
 */
public record ProcessSpec(String name, List<String> command, Path workDir, Path logFile, Path pidFile,
                          String marker, Map<String, String> environment, CpuShare cpu) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (command.stream().noneMatch(argument -> argument.contains(marker))) {
            throw new IllegalArgumentException("the marker '" + marker + "' must appear in the command line of " + name);
        }
    }

    /** A foreground process: it competes for the CPU as any other. */
    public ProcessSpec(String name, List<String> command, Path workDir, Path logFile, Path pidFile, String marker,
                       Map<String, String> environment) {
        this(name, command, workDir, logFile, pidFile, marker, environment, CpuShare.FOREGROUND);
    }

    /**
     * The name of the process's CPU group, from where its pid file lives ({@code .devstack/local/analytics/job.pid}
     * gives {@code shortener-local-analytics}): one per process and stack, the same at every start.
     */
    public static String cpuGroup(Path pidFile) {
        Path dir = pidFile.toAbsolutePath().getParent();
        String stack = dir.getParent() == null ? "" : dir.getParent().getFileName() + "-";
        return ("shortener-" + stack + dir.getFileName()).replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
