package io.shortener.clickhouse;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's command line for a ClickHouse server, local or production: it needs only the server's
 * HTTP URL (behind `bin/shortener clickhouse`).
 *
 * <pre>
 * ClickHouseTool [--url http://127.0.0.1:18123] [--database shortener] [--schema clickhouse/schema]
 *                [--queries clickhouse/queries]
 *                migrate
 *              | query NAME [key=value ...]
 *              | retention --keep-months N [--table clicks_raw]
 * </pre>
 */
public final class ClickHouseTool {

    private static final String USAGE = """
            usage: ClickHouseTool [--url http://127.0.0.1:18123] [--database shortener] [--schema DIR] [--queries DIR]
                                  migrate | query NAME [key=value ...] | retention --keep-months N [--table clicks_raw]""";

    private final Map<String, String> options;
    private final List<String> words;
    private final PrintStream out;

    ClickHouseTool(List<String> args, PrintStream out) {
        this.options = new HashMap<>(Map.of("url", "http://127.0.0.1:18123", "database", "shortener",
                "schema", "clickhouse/schema", "queries", "clickhouse/queries", "table", "clicks_raw"));
        this.words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
                }
                options.put(arg.substring(2), args.get(++i));
            } else {
                words.add(arg);
            }
        }
        this.out = out;
    }

    public static void main(String[] args) {
        try {
            new ClickHouseTool(List.of(args), System.out).run();
        } catch (RuntimeException e) {
            System.err.println("clickhouse: " + e.getMessage());
            System.exit(1);
        }
    }

    void run() {
        if (words.isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        ClickHouseHttp clickhouse = new ClickHouseHttp(options.get("url"));
        String database = options.get("database");
        switch (words.get(0)) {
            case "migrate" -> {
                ClickHouseMigrations migrations = new ClickHouseMigrations(options.get("url"), Path.of(options.get("schema")));
                migrations.apply(database).forEach(m -> out.printf("applied V%d %s%n", m.version(), m.name()));
                out.printf("database %s is at schema version %d%n", database, migrations.currentVersion(database));
            }
            case "query" -> {
                if (words.size() < 2) {
                    throw new IllegalArgumentException("which query? one of " + options.get("queries") + "/*.sql, e.g. top_links"
                            + " from=2026-11-01 to=2026-12-01");
                }
                Map<String, String> parameters = new HashMap<>();
                for (String word : words.subList(2, words.size())) {
                    int equals = word.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException("parameters are key=value, not " + word);
                    }
                    parameters.put(word.substring(0, equals), word.substring(equals + 1));
                }
                String sql = new AnalystQuery(Path.of(options.get("queries")), words.get(1)).render(parameters);
                out.print(clickhouse.execute(database, sql + "\nFORMAT PrettyCompactNoEscapes"));
            }
            case "retention" -> {
                String keep = options.get("keep-months");
                if (keep == null || !keep.matches("\\d{1,4}")) {
                    throw new IllegalArgumentException("retention needs --keep-months N (whole months, the current one included)");
                }
                List<YearMonth> dropped = new PartitionRetention(clickhouse, database)
                        .apply(options.get("table"), Integer.parseInt(keep), YearMonth.now(ZoneOffset.UTC));
                out.printf("%s.%s: %s%n", database, options.get("table"), dropped.isEmpty() ? "nothing older than "
                        + keep + " months" : "dropped " + dropped);
            }
            default -> throw new IllegalArgumentException("unknown command " + words.get(0) + "\n" + USAGE);
        }
    }
}
