package io.shortener.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group a background process gets, on cgroup layouts laid out in a folder (the kernel's files as plain files). */
class CpuIsolationTest {

    @TempDir
    Path root;

    @Test
    void aForegroundProcessIsLeftAsItIs() {
        CpuIsolation isolation = new CpuIsolation(root, List.of("1:cpu:/"), true);

        assertThat(isolation.prepare("shortener-local-job", CpuShare.FOREGROUND)).isEqualTo(CpuIsolation.Applied.NONE);
        assertThat(root.resolve("cpu/shortener-local-job")).doesNotExist();
    }

    @Test
    void onCgroupV1ABackgroundProcessGetsAnIdleGroupWithItsCapUnderTheLaunchersOwnGroup() throws Exception {
        v1Hierarchy("cpu/launcher");
        CpuIsolation isolation = new CpuIsolation(root, List.of("2:cpuacct:/", "1:cpu:/launcher", "0::/"), true);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-job", CpuShare.background(0.5));

        Path group = root.resolve("cpu/launcher/shortener-local-job");
        assertThat(Files.readString(group.resolve("cpu.idle"))).isEqualTo("1");
        assertThat(Files.readString(group.resolve("cpu.cfs_period_us"))).isEqualTo("100000");
        assertThat(Files.readString(group.resolve("cpu.cfs_quota_us"))).isEqualTo("50000");
        assertThat(Files.readString(group.resolve("cpu.shares"))).isEqualTo("10");
        assertThat(applied.prefix()).containsExactly("/bin/sh", "-c", "echo $$ > \"$0\" && exec \"$@\"",
                group.resolve("cgroup.procs").toString());
        assertThat(applied.description()).startsWith("cgroup v1 " + group).contains("idle").contains("at most 0.50 cores");
    }

    @Test
    void onCgroupV1AWeightedProcessGetsItsSharesAndLeavesTheIdleClassAnEarlierStartSet() throws Exception {
        v1Hierarchy("cpu");
        Files.writeString(root.resolve("cpu/shortener-local-job/cpu.idle"), "1");
        CpuIsolation isolation = new CpuIsolation(root, List.of("1:cpu:/"), true);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-job", CpuShare.weighted(20));

        Path group = root.resolve("cpu/shortener-local-job");
        assertThat(Files.readString(group.resolve("cpu.idle"))).isEqualTo("0");
        assertThat(Files.readString(group.resolve("cpu.shares"))).isEqualTo("205");
        assertThat(Files.readString(group.resolve("cpu.cfs_quota_us"))).isEqualTo("-1");
        assertThat(applied.description()).contains("cpu.shares 205").contains("no cap");
    }

    @Test
    void withNoCgroupItCanWriteAWeightedProcessRunsAtTheNiceValueOfTheSameWeight() {
        CpuIsolation isolation = new CpuIsolation(root, List.of("1:cpu:/", "0::/"), true);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-broker", CpuShare.weighted(20));

        // 1024 / 1.25^7 = 215, the nearest nice weight to a fifth of 1024.
        assertThat(applied.prefix()).containsExactly("/usr/bin/nice", "-n", "7");
        assertThat(applied.description()).startsWith("nice 7");
    }

    @Test
    void onCgroupV1WithoutAnIdleClassTheGroupGetsTheLeastWeight() throws Exception {
        Files.createDirectories(root.resolve("cpu"));
        Files.writeString(root.resolve("cpu/cpu.shares"), "1024");
        CpuIsolation isolation = new CpuIsolation(root, List.of("1:cpu:/"), true);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-job", CpuShare.background(0));

        Path group = root.resolve("cpu/shortener-local-job");
        assertThat(group.resolve("cpu.idle")).doesNotExist();
        assertThat(Files.readString(group.resolve("cpu.shares"))).isEqualTo("10");
        assertThat(Files.readString(group.resolve("cpu.cfs_quota_us"))).isEqualTo("-1");
        assertThat(applied.description()).contains("cpu.shares 10").contains("no cap");
    }

    @Test
    void onCgroupV2TheGroupGetsWeightIdleAndCpuMaxAfterTheParentDelegatesTheController() throws Exception {
        Files.writeString(root.resolve("cgroup.controllers"), "cpuset cpu io memory pids\n");
        Files.createDirectories(root.resolve("jobs"));
        Files.writeString(root.resolve("jobs/cgroup.subtree_control"), "memory\n");
        CpuIsolation isolation = new CpuIsolation(root, List.of("0::/jobs"), true);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-job", CpuShare.background(1));

        Path group = root.resolve("jobs/shortener-local-job");
        assertThat(Files.readString(root.resolve("jobs/cgroup.subtree_control"))).isEqualTo("+cpu");
        assertThat(Files.readString(group.resolve("cpu.weight"))).isEqualTo("1");
        assertThat(Files.readString(group.resolve("cpu.max"))).isEqualTo("100000 100000");
        assertThat(applied.description()).startsWith("cgroup v2 " + group);
    }

    @Test
    void withNoCgroupItCanWriteABackgroundProcessRunsAsSchedIdleAndSaysTheCapIsLost() {
        CpuIsolation isolation = new CpuIsolation(root, List.of("1:cpu:/", "0::/"), true);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-job", CpuShare.background(1));

        assertThat(applied.prefix()).containsExactly("/usr/bin/chrt", "--idle", "0");
        assertThat(applied.description()).startsWith("SCHED_IDLE").contains("the cap needs a writable cgroup");
    }

    @Test
    void withNeitherCgroupsNorChrtItSaysSoInsteadOfPretending() {
        CpuIsolation isolation = new CpuIsolation(root, List.of("0::/"), false);

        CpuIsolation.Applied applied = isolation.prepare("shortener-local-job", CpuShare.background(1));

        assertThat(applied.prefix()).isEmpty();
        assertThat(applied.description()).startsWith("no isolation");
    }

    @Test
    void sharesAreReadFromSettings() {
        assertThat(CpuShare.parse("foreground")).isEqualTo(CpuShare.FOREGROUND);
        assertThat(CpuShare.parse("background")).isEqualTo(CpuShare.background(0));
        assertThat(CpuShare.parse(" Background:0.25 ")).isEqualTo(CpuShare.background(0.25));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CpuShare.parse("background:lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("background:<cores>");
        assertThat(CpuShare.parse("weight:20")).isEqualTo(CpuShare.weighted(20));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CpuShare.parse("weight:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight:<1-10000>");
    }

    @Test
    void aGroupIsNamedAfterTheStackAndTheProcessFolder() {
        assertThat(ProcessSpec.cpuGroup(Path.of("/x/.devstack/local/analytics/job.pid"))).isEqualTo("shortener-local-analytics");
    }

    private void v1Hierarchy(String path) throws Exception {
        Files.createDirectories(root.resolve(path));
        Files.writeString(root.resolve("cpu/cpu.shares"), "1024");
        // Kernels since 5.15 have an idle class for groups: a new group's folder holds cpu.idle.
        Files.createDirectories(root.resolve(path).resolve("shortener-local-job"));
        Files.writeString(root.resolve(path).resolve("shortener-local-job/cpu.idle"), "0");
    }
}
