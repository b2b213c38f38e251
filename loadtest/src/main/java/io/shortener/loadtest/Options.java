package io.shortener.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options, with defaults, and durations like 30s, 500ms or 2m. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                values.put(name, args[++i]);
            } else {
                values.put(name, "true");
            }
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    boolean flag(String name) {
        return Boolean.parseBoolean(values.getOrDefault(name, "false"));
    }

    /**
     * The API key for creates and stats: {@code --api-key}, or the contents of {@code --api-key-file}
     * (by default the local stack's development key, which {@code bin/shortener up} writes); null if neither.
     */
    String apiKey() {
        String key = values.get("api-key");
        if (key != null) {
            return key;
        }
        Path file = Path.of(values.getOrDefault("api-key-file", ".devstack/local/dev-api-key"));
        try {
            return Files.exists(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Duration duration(String name, String fallback) {
        return parseDuration(values.getOrDefault(name, fallback));
    }

    static Duration parseDuration(String text) {
        if (text.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("a duration is like 30s, 500ms, 2m or 24h: " + text);
        };
    }
}
