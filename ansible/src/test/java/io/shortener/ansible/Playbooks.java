package io.shortener.ansible;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Ansible's own commands from the playbooks' folder (so that its ansible.cfg applies), each into a log
 * file of its own under the test's work folder, and hands back what it printed.
 */
final class Playbooks {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    private final Path ansibleDir;
    private final Path logs;
    private int runs;

    Playbooks(Path ansibleDir, Path logs) {
        this.ansibleDir = ansibleDir;
        this.logs = logs;
    }

    Path dir() {
        return ansibleDir;
    }

    /** ansible-playbook against the test hosts, with their vault and root, and any extra -e arguments. */
    Run play(TestHosts hosts, String playbook, String... extraVars) {
        return play(hosts, List.of(), playbook, extraVars);
    }

    /** The same, on the hosts the pattern names alone (--limit). */
    Run playOn(TestHosts hosts, String hostPattern, String playbook, String... extraVars) {
        return play(hosts, List.of("--limit", hostPattern), playbook, extraVars);
    }

    private Run play(TestHosts hosts, List<String> options, String playbook, String... extraVars) {
        List<String> command = new ArrayList<>(List.of("ansible-playbook", "-i", hosts.inventory().toString(), playbook,
                "--vault-password-file", hosts.vaultPasswordFile().toString(),
                "-e", "shortener_root=" + hosts.root(), "-e", "backup_root=" + hosts.backups(),
                "-e", "rollout_state_dir=" + hosts.root().resolveSibling("rollout-state")));
        command.addAll(options);
        for (String extra : extraVars) {
            command.addAll(List.of("-e", extra));
        }
        return run(playbook.replace(".yml", ""), command);
    }

    Run run(String name, List<String> command) {
        Path log = logs.resolve(String.format("%02d-%s.log", ++runs, name));
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(command).directory(ansibleDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("ANSIBLE_NOCOLOR", "1");
            builder.environment().put("ANSIBLE_FORCE_COLOR", "0");
            builder.environment().put("ANSIBLE_DEPRECATION_WARNINGS", "0");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " ran longer than " + TIMEOUT + "; see " + log);
            }
            return new Run(String.join(" ", command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    /** What one command printed and how it ended. */
    record Run(String command, int exitCode, String output, Path log) {

        Run requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(command + " failed (exit " + exitCode + "); the end of " + log + ":\n" + tail());
            }
            return this;
        }

        String tail() {
            String[] lines = output.split("\n");
            return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 60), lines.length));
        }

        PlayRecap recap() {
            return PlayRecap.parse(output);
        }
    }
}
