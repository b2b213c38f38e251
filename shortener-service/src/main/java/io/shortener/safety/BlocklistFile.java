package io.shortener.safety;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The operator's blocklist file: one domain per line, {@code #} starts a comment (a reason, after the
 * domain); blank lines are skipped. A line that is not a valid domain is reported and skipped, so that
 * one typo does not unblock the rest.
 */
final class BlocklistFile {

    private BlocklistFile() {
    }

    static List<BlockedEntry> read(Path file, Instant now) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<BlockedEntry> entries = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String domain = (hash < 0 ? line : line.substring(0, hash)).trim();
            String reason = hash < 0 ? null : line.substring(hash + 1).trim();
            if (domain.isEmpty()) {
                continue;
            }
            try {
                entries.add(new BlockedEntry(Domains.normalize(domain), reason, Blocklist.FILE, now));
            } catch (IllegalArgumentException e) {
                org.slf4j.LoggerFactory.getLogger(BlocklistFile.class).warn("blocklist file {}: skipped '{}': {}", file, domain, e.getMessage());
            }
        }
        return entries;
    }
}
