package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a Spark Structured Streaming checkpoint says the analytics job has counted: Spark writes
 * {@code offsets/N} before a micro-batch and {@code commits/N} after its sink, so the end offsets of the last
 * committed batch are the events already in ClickHouse. Read from the files alone, without disturbing the job.
 */
public final class JobCheckpoint {

    private final Path dir;

    public JobCheckpoint(Path dir) {
        this.dir = dir;
    }

    /** The events of {@code topic} the job has counted (its partitions' end offsets, summed); empty before the first commit. */
    public OptionalLong committedEvents(String topic) {
        Path commits = dir.resolve("commits");
        try {
            if (!Files.isDirectory(commits)) {
                return OptionalLong.empty();
            }
            OptionalLong last;
            try (Stream<Path> files = Files.list(commits)) {
                last = files.map(file -> file.getFileName().toString()).filter(name -> name.matches("\\d+"))
                        .mapToLong(Long::parseLong).max();
            }
            if (last.isEmpty()) {
                return OptionalLong.empty();
            }
            List<String> lines = Files.readAllLines(dir.resolve("offsets").resolve(Long.toString(last.getAsLong())));
            // The last line is the sources' offsets: {"topic":{"partition":offset,...}}.
            Matcher partitions = Pattern.compile("\"" + Pattern.quote(topic) + "\":\\{([^}]*)}").matcher(lines.get(lines.size() - 1));
            if (!partitions.find()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(Pattern.compile("\"\\d+\":(\\d+)").matcher(partitions.group(1)).results()
                    .mapToLong(offset -> Long.parseLong(offset.group(1))).sum());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + dir, e);
        }
    }
}
