package io.shortener.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Applies the versioned schema files ({@code V<n>__<what>.sql}) in order, each once per database, and
 * records them in {@code schema_migrations}. It speaks ClickHouse's HTTP interface, so the same
 * command migrates a production server with nothing but a URL.
 */
public final class ClickHouseMigrations {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\n|$)");

    private final ClickHouseHttp clickhouse;
    private final Path schemaDir;

    public ClickHouseMigrations(String httpUrl, Path schemaDir) {
        this.clickhouse = new ClickHouseHttp(httpUrl);
        this.schemaDir = schemaDir;
    }

    public record Migration(int version, String name, Path file) {
    }

    /** Every schema file, in version order. */
    public List<Migration> available() {
        try (Stream<Path> files = Files.list(schemaDir)) {
            List<Migration> migrations = new ArrayList<>();
            for (Path file : files.toList()) {
                Matcher name = FILE_NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2), file));
                } else if (file.toString().endsWith(".sql")) {
                    throw new IllegalStateException(file + " is not named V<version>__<name>.sql");
                }
            }
            migrations.sort((a, b) -> Integer.compare(a.version(), b.version()));
            for (int i = 1; i < migrations.size(); i++) {
                if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                    throw new IllegalStateException("two schema files have version " + migrations.get(i).version());
                }
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the database if needed and applies what it lacks; returns the migrations applied now. */
    public List<Migration> apply(String database) {
        checkedName(database);
        clickhouse.execute(null, "CREATE DATABASE IF NOT EXISTS " + database);
        clickhouse.execute(database, "CREATE TABLE IF NOT EXISTS schema_migrations (version UInt32, name String, applied_at DateTime)"
                + " ENGINE = MergeTree() ORDER BY version");
        Set<Integer> applied = new HashSet<>();
        for (String line : clickhouse.execute(database, "SELECT version FROM schema_migrations FORMAT TSV").split("\n")) {
            if (!line.isBlank()) {
                applied.add(Integer.parseInt(line.trim()));
            }
        }
        List<Migration> now = new ArrayList<>();
        for (Migration migration : available()) {
            if (applied.contains(migration.version())) {
                continue;
            }
            for (String statement : statements(migration.file())) {
                clickhouse.execute(database, statement);
            }
            clickhouse.execute(database, "INSERT INTO schema_migrations VALUES (" + migration.version() + ", '" + migration.name()
                    + "', now())");
            now.add(migration);
        }
        return now;
    }

    /** A database or table name, checked before it goes into SQL (18.16 has no parameters for names). */
    static String checkedName(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("not a database or table name: " + name);
        }
        return name;
    }

    /** The version the database is at: the highest version recorded as applied, 0 for none. */
    public int currentVersion(String database) {
        String max = clickhouse.execute(checkedName(database), "SELECT max(version) FROM schema_migrations FORMAT TSV").strip();
        return max.isEmpty() ? 0 : Integer.parseInt(max);
    }

    /** The statements of a schema file: comments dropped, split where a line ends in ';'. */
    static List<String> statements(Path file) {
        try {
            StringBuilder sql = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String code = line.strip().startsWith("--") ? "" : line;
                sql.append(code).append('\n');
            }
            return Arrays.stream(STATEMENT_END.split(sql)).map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
