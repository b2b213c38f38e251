package io.shortener.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Puts a process we start into a CPU group of its own, so that the kernel holds it to its {@link CpuShare}
 * for the whole process, every thread included. Tried in order: a group under the cpu controller of
 * cgroup v1 ({@code cpu.idle}, {@code cpu.shares}, {@code cpu.cfs_quota_us}), a group in cgroup v2
 * ({@code cpu.idle}, {@code cpu.weight}, {@code cpu.max}), and where neither can be written (no root, no
 * delegated controller), SCHED_IDLE through {@code chrt --idle 0}, which has no cap.
 *
 * <p>The group is made under the cgroup this JVM is in (never elsewhere: other groups on the machine
 * are not ours), named after the process, and the process joins it before its first instruction: the
 * command is wrapped in a shell that writes its own pid into the group and then execs the command.
 */
public final class CpuIsolation {

    private static final long PERIOD_MICROS = 100_000;

    private final Path cgroupRoot;
    private final List<String> selfCgroup;
    private final boolean chrtAvailable;

    CpuIsolation(Path cgroupRoot, List<String> selfCgroup, boolean chrtAvailable) {
        this.cgroupRoot = cgroupRoot;
        this.selfCgroup = List.copyOf(selfCgroup);
        this.chrtAvailable = chrtAvailable;
    }

    /** This machine's: cgroups under /sys/fs/cgroup, this JVM's memberships from /proc/self/cgroup. */
    public static CpuIsolation onThisMachine() {
        List<String> self;
        try {
            self = Files.readAllLines(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            self = List.of();
        }
        return new CpuIsolation(Path.of("/sys/fs/cgroup"), self, Files.isExecutable(Path.of("/usr/bin/chrt")));
    }

    /** What was arranged for one process: the words to put before its command, and what they do, in words. */
    public record Applied(List<String> prefix, String description) {

        public static final Applied NONE = new Applied(List.of(), "no isolation (foreground)");

        public Applied {
            prefix = List.copyOf(prefix);
        }
    }

    /**
     * Makes (or updates) the group {@code name} for {@code share}, and returns how to start a process in it.
     * A foreground share needs nothing.
     */
    public Applied prepare(String name, CpuShare share) {
        if (share.isForeground()) {
            return Applied.NONE;
        }
        List<String> tried = new ArrayList<>();
        Optional<Path> v1 = v1Group(name);
        if (v1.isPresent()) {
            try {
                Path group = v1.get();
                Files.createDirectories(group);
                write(group.resolve("cpu.shares"), Long.toString(share.v1Shares()));
                // Written either way: a group left by an earlier start may hold the other setting.
                boolean idle = writeIfPresent(group.resolve("cpu.idle"), share.idle() ? "1" : "0") && share.idle();
                write(group.resolve("cpu.cfs_period_us"), Long.toString(PERIOD_MICROS));
                write(group.resolve("cpu.cfs_quota_us"), Long.toString(share.quotaMicros(PERIOD_MICROS)));
                return joining(group, "cgroup v1 " + group + ": " + (idle ? "idle, " : "cpu.shares " + share.v1Shares() + ", ")
                        + cap(share));
            } catch (IOException | RuntimeException e) {
                tried.add("cgroup v1 (" + e.getMessage() + ")");
            }
        }
        Optional<Path> v2 = v2Group(name);
        if (v2.isPresent()) {
            try {
                Path group = v2.get();
                enableCpuController(group.getParent());
                Files.createDirectories(group);
                write(group.resolve("cpu.weight"), Integer.toString(share.weight()));
                // Written either way: a group left by an earlier start may hold the other setting.
                boolean idle = writeIfPresent(group.resolve("cpu.idle"), share.idle() ? "1" : "0") && share.idle();
                long quota = share.quotaMicros(PERIOD_MICROS);
                write(group.resolve("cpu.max"), (quota < 0 ? "max" : Long.toString(quota)) + " " + PERIOD_MICROS);
                return joining(group, "cgroup v2 " + group + ": " + (idle ? "idle, " : "cpu.weight " + share.weight() + ", ")
                        + cap(share));
            } catch (IOException | RuntimeException e) {
                tried.add("cgroup v2 (" + e.getMessage() + ")");
            }
        }
        if (share.idle() && chrtAvailable) {
            return new Applied(List.of("/usr/bin/chrt", "--idle", "0"), "SCHED_IDLE (chrt --idle 0), no cap"
                    + (share.maxCores() > 0 ? " (the cap needs a writable cgroup)" : "")
                    + (tried.isEmpty() ? "" : "; could not use " + String.join(", ", tried)));
        }
        if (!share.idle()) {
            // A nice value weighs a process as the kernel weighs a group: each step is 1.25 times less.
            int nice = share.niceEquivalent();
            return new Applied(List.of("/usr/bin/nice", "-n", Integer.toString(nice)), "nice " + nice + ", no cap"
                    + (share.maxCores() > 0 ? " (the cap needs a writable cgroup)" : "")
                    + (tried.isEmpty() ? "" : "; could not use " + String.join(", ", tried)));
        }
        return new Applied(List.of(), "no isolation: " + (tried.isEmpty() ? "no cgroup cpu controller" : String.join(", ", tried))
                + (chrtAvailable ? "" : ", no chrt"));
    }

    /** Removes the group {@code name} once no process is left in it; a group still in use stays. */
    public void release(String name) {
        for (Optional<Path> group : List.of(v1Group(name), v2Group(name))) {
            group.filter(Files::isDirectory).ifPresent(dir -> {
                try {
                    if (Files.readString(dir.resolve("cgroup.procs")).isBlank()) {
                        Files.delete(dir);
                    }
                } catch (IOException e) {
                    // Busy or gone: the next start writes its settings again, so a stale group is harmless.
                }
            });
        }
    }

    /** The group under this JVM's own v1 cpu cgroup, where the cpu controller is mounted. */
    Optional<Path> v1Group(String name) {
        for (String line : selfCgroup) {
            String[] fields = line.split(":", 3);
            if (fields.length == 3 && List.of(fields[1].split(",")).contains("cpu")) {
                for (String mount : List.of("cpu", fields[1])) {
                    Path hierarchy = cgroupRoot.resolve(mount);
                    if (Files.isRegularFile(hierarchy.resolve("cpu.shares"))) {
                        return Optional.of(hierarchy.resolve(relative(fields[2])).resolve(checked(name)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The group under this JVM's own v2 cgroup, where the unified hierarchy offers the cpu controller. */
    Optional<Path> v2Group(String name) {
        for (String line : selfCgroup) {
            if (line.startsWith("0::")) {
                try {
                    Path controllers = cgroupRoot.resolve("cgroup.controllers");
                    if (Files.isRegularFile(controllers) && List.of(Files.readString(controllers).strip().split("\\s+")).contains("cpu")) {
                        return Optional.of(cgroupRoot.resolve(relative(line.substring(3))).resolve(checked(name)));
                    }
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static void enableCpuController(Path parent) throws IOException {
        Path subtree = parent.resolve("cgroup.subtree_control");
        if (!List.of(Files.readString(subtree).strip().split("\\s+")).contains("cpu")) {
            write(subtree, "+cpu");
        }
    }

    /** A shell that joins the group and then becomes the command: no thread of it runs outside the group. */
    private static Applied joining(Path group, String description) {
        return new Applied(List.of("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"", group.resolve("cgroup.procs").toString()),
                description);
    }

    private static String cap(CpuShare share) {
        return share.maxCores() == 0 ? "no cap" : String.format(Locale.ROOT, "at most %.2f cores", share.maxCores());
    }

    private static boolean writeIfPresent(Path file, String value) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        write(file, value);
        return true;
    }

    private static void write(Path file, String value) throws IOException {
        Files.writeString(file, value, StandardCharsets.UTF_8);
    }

    private static String relative(String cgroupPath) {
        return cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
    }

    private static String checked(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("not a cgroup name: " + name);
        }
        return name;
    }
}
