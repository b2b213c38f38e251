package io.shortener.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The CPU time a server has used so far: utime + stime of its process and of every process under it
 * (nginx's workers), all threads, from /proc. Two readings around a stretch of work give what that work
 * cost this server alone, whatever else ran on the machine meanwhile.
 */
record ProcessCpu(String name, long pid) {

    /** Linux reports CPU time in clock ticks of USER_HZ, 100 a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** CPU-seconds so far; a process that has gone counts as zero. */
    double seconds() {
        return Stream.concat(Stream.of(pid), ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
                .flatMapToLong(ProcessCpu::ticks).sum() / TICKS_PER_SECOND;
    }

    private static LongStream ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name may hold spaces: the fields counted start after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return LongStream.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (NoSuchFileException e) {
            return LongStream.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
