package io.shortener.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of the analyst's queries in clickhouse/queries, with its {@code {{parameters}}} filled in. The
 * server (18.16) has no query parameters of its own, so values are checked against what each kind of
 * parameter may hold before they are put into the SQL.
 */
public final class AnalystQuery {

    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}( \\d{2}:\\d{2}:\\d{2})?");
    /** A code, or in the queries that match with LIKE, a pattern: % for any run of characters (and _ for any one). */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_%-]{1,64}");
    private static final Pattern LIMIT = Pattern.compile("\\d{1,6}");
    private static final Pattern PARAMETER = Pattern.compile("\\{\\{([a-z_]+)}}");

    private final Path file;

    public AnalystQuery(Path queriesDir, String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a query name: " + name);
        }
        this.file = queriesDir.resolve(name + ".sql");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no query " + file);
        }
    }

    /** The SQL with the parameters filled in: from/to as 'YYYY-MM-DD[ hh:mm:ss]' (UTC), code, limit (default 10). */
    public String render(Map<String, String> parameters) {
        Map<String, String> values = new HashMap<>(Map.of("limit", "10"));
        parameters.forEach((name, value) -> values.put(name, checked(name, value)));
        String sql;
        try {
            sql = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher parameter = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String value = values.get(parameter.group(1));
            if (value == null) {
                throw new IllegalArgumentException(file.getFileName() + " needs " + parameter.group(1) + "=…");
            }
            parameter.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return parameter.appendTail(out).toString();
    }

    private static String checked(String name, String value) {
        Pattern allowed = switch (name) {
            case "from", "to" -> DATE_TIME;
            case "code" -> CODE;
            case "limit" -> LIMIT;
            default -> throw new IllegalArgumentException("unknown parameter " + name + " (from, to, code, limit)");
        };
        if (!allowed.matcher(value).matches()) {
            throw new IllegalArgumentException(name + "=" + value + " is not a valid " + name);
        }
        return value.length() == 10 && allowed == DATE_TIME ? value + " 00:00:00" : value;
    }
}
