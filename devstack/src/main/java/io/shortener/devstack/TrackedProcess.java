package io.shortener.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where one local server process is tracked: its name, its folder, its pid and log files, the marker that
 * names it in a command line, and how long it gets to stop. Every launcher keeps its processes in these,
 * so a new server, or another region's copy of one, is a new value here and not another copy of the
 * start / attach / stop / wipe code.
 */
public record TrackedProcess(String name, Path dir, Path pidFile, Path logFile, String marker, Duration stopGrace) {

    /** The marker a forked JVM carries: a system property naming its folder, unique per process and stack. */
    public static TrackedProcess jvm(String name, Path dir, String pidFileName, String logFileName, Duration stopGrace) {
        return new TrackedProcess(name, dir, dir.resolve(pidFileName), dir.resolve(logFileName), "-Dshortener.devstack=" + dir, stopGrace);
    }

    /** The process a previous start left running, if it is alive and still ours. */
    public Optional<LocalProcess> running() {
        return LocalProcess.attach(name, pidFile, marker, logFile);
    }

    /** Stops whatever a killed run left under the pid file, then starts {@code command} (which must carry the marker). */
    public LocalProcess start(List<String> command, Map<String, String> environment, CpuShare cpu) {
        return LocalProcess.start(new ProcessSpec(name, command, dir, logFile, pidFile, marker, environment, cpu), stopGrace);
    }

    public LocalProcess start(List<String> command, Map<String, String> environment) {
        return start(command, environment, CpuShare.FOREGROUND);
    }

    /** Stops the process, if it is running and ours; true if there was one. */
    public boolean stop() {
        return LocalProcess.stopRecorded(pidFile, marker, stopGrace);
    }

    /** Stops the process and removes its folder: data, logs and configuration. */
    public void wipe() {
        stop();
        DataDirectory.delete(dir);
    }
}
