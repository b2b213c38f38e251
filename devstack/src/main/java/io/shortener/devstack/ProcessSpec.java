package io.shortener.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One server process to start. {@code marker} is a string that appears in the command line and in no
 * other process's, so a pid file left by a killed run is only acted on while it still names our process.
 */
public record ProcessSpec(String name, List<String> command, Path workDir, Path logFile, Path pidFile,
                          String marker, Map<String, String> environment) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        if (command.stream().noneMatch(argument -> argument.contains(marker))) {
            throw new IllegalArgumentException("the marker '" + marker + "' must appear in the command line of " + name);
        }
    }
}
