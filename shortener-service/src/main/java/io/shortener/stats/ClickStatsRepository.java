package io.shortener.stats;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dropwizard.lifecycle.Managed;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import ru.yandex.clickhouse.ClickHouseDataSource;

/**
 * The one class that reads click counts from ClickHouse (the tables of clickhouse/schema, written by
 * analytics-spark). Every read goes through FINAL: a micro-batch Spark replayed may still be there twice
 * until ClickHouse merges it away. Against a modern server, only this class changes driver.
 */
public final class ClickStatsRepository implements Managed {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String RANGE = " WHERE code = ? AND minute >= ? AND minute < ?";

    private final HikariDataSource dataSource;
    /** Unpooled, for the health check: it must fail at once while ClickHouse is away, not wait for the pool. */
    private final ClickHouseDataSource direct;

    /** A pool of {@code stats.threads} connections, opened as they are needed: the service starts without ClickHouse. */
    public ClickStatsRepository(StatsConfiguration config) {
        Properties properties = new Properties();
        properties.setProperty("user", config.getUser());
        properties.setProperty("password", config.getPassword());
        properties.setProperty("socket_timeout", Long.toString(config.getQueryTimeout().toMilliseconds()));
        properties.setProperty("connection_timeout", "1000");
        properties.setProperty("compress", "false");
        // The data source of the legacy driver itself: the same jar registers a newer driver class with
        // DriverManager, which fails against ClickHouse 18.16.
        this.direct = new ClickHouseDataSource(config.getClickHouseUrl(), properties);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("clickhouse");
        pool.setDataSource(direct);
        pool.setMaximumPoolSize(config.getThreads());
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(config.getQueryTimeout().toMilliseconds());
        pool.setInitializationFailTimeout(-1);
        pool.setConnectionTestQuery("SELECT 1");
        this.dataSource = new HikariDataSource(pool);
    }

    @Override
    public void stop() {
        dataSource.close();
    }

    public LinkStats read(String code, StatsPeriod period, int topValues) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<LinkStats.Point> series = series(connection, code, period);
            long clicks = series.stream().mapToLong(LinkStats.Point::clicks).sum();
            long humans = series.stream().mapToLong(LinkStats.Point::humanClicks).sum();
            LinkStats.Totals totals = new LinkStats.Totals(clicks, humans, clicks - humans, uniqueVisitors(connection, code, period));
            return new LinkStats(code, period.from(), period.to(), period.interval().label(), totals, series,
                    top(connection, code, period, topValues), targets(connection, code, period));
        }
    }

    /**
     * Every human click counted for each of these codes, all time (codes without any are left out): what
     * the visit limits are reconciled with. Throws {@link IllegalStateException} when ClickHouse cannot answer.
     */
    public Map<String, Long> humanClicks(Collection<String> codes) {
        Map<String, Long> clicks = new HashMap<>();
        if (codes.isEmpty()) {
            return clicks;
        }
        String marks = String.join(", ", Collections.nCopies(codes.size(), "?"));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT code, sum(human_clicks) FROM link_clicks_minute FINAL"
                     + " WHERE code IN (" + marks + ") GROUP BY code")) {
            int i = 1;
            for (String code : codes) {
                query.setString(i++, code);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    clicks.put(rows.getString(1), rows.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("ClickHouse cannot count clicks now: " + e.getMessage(), e);
        }
        return clicks;
    }

    /** Whether ClickHouse answers at all, for the health check. */
    public void ping() throws SQLException {
        try (Connection connection = direct.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            result.next();
        }
    }

    private static List<LinkStats.Point> series(Connection connection, String code, StatsPeriod period) throws SQLException {
        Interval interval = period.interval();
        Map<Instant, long[]> counted = new HashMap<>();
        try (PreparedStatement query = prepare(connection, "SELECT toUInt32(" + interval.bucketSql() + ") AS bucket,"
                + " sum(clicks), sum(human_clicks) FROM link_clicks_minute FINAL" + RANGE + " GROUP BY bucket", code, period);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                counted.put(Instant.ofEpochSecond(rows.getLong(1)), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        }
        List<LinkStats.Point> series = new ArrayList<>();
        for (Instant start = interval.floor(period.from()); start.isBefore(period.to()); start = start.plus(interval.length())) {
            long[] counts = counted.getOrDefault(start, new long[2]);
            series.add(new LinkStats.Point(start, counts[0], counts[1]));
        }
        return series;
    }

    private static long uniqueVisitors(Connection connection, String code, StatsPeriod period) throws SQLException {
        try (PreparedStatement query = prepare(connection,
                "SELECT uniqExact(visitor_id) FROM link_visitors_minute" + RANGE + " AND human = 1", code, period);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static LinkStats.Top top(Connection connection, String code, StatsPeriod period, int limit) throws SQLException {
        Map<String, List<LinkStats.Count>> byDimension = new HashMap<>();
        try (PreparedStatement query = prepare(connection, "SELECT dimension, value, sum(clicks) AS all_clicks, sum(human_clicks)"
                + " FROM link_clicks_minute_by FINAL" + RANGE + " AND dimension != 'target' GROUP BY dimension, value"
                + " ORDER BY dimension, all_clicks DESC, value LIMIT " + limit + " BY dimension", code, period);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                byDimension.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                        .add(new LinkStats.Count(rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return new LinkStats.Top(byDimension.getOrDefault("referrer", List.of()), byDimension.getOrDefault("country", List.of()),
                byDimension.getOrDefault("device", List.of()), byDimension.getOrDefault("browser", List.of()),
                byDimension.getOrDefault("os", List.of()), byDimension.getOrDefault("region", List.of()));
    }

    /** Every rule and variant that served the link in the period (a few at most: no top-N cut), in rule and variant order. */
    private static List<LinkStats.Target> targets(Connection connection, String code, StatsPeriod period) throws SQLException {
        List<LinkStats.Target> targets = new ArrayList<>();
        try (PreparedStatement query = prepare(connection, "SELECT value, sum(clicks), sum(human_clicks) FROM link_clicks_minute_by FINAL"
                + RANGE + " AND dimension = 'target' GROUP BY value", code, period);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String[] ruleAndVariant = rows.getString(1).split("\\.");
                targets.add(new LinkStats.Target(Integer.parseInt(ruleAndVariant[0]), Integer.parseInt(ruleAndVariant[1]),
                        rows.getLong(2), rows.getLong(3)));
            }
        }
        targets.sort(Comparator.comparingInt(LinkStats.Target::rule).thenComparingInt(LinkStats.Target::variant));
        return targets;
    }

    private static PreparedStatement prepare(Connection connection, String sql, String code, StatsPeriod period)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setString(1, code);
        statement.setString(2, DATE_TIME.format(period.from()));
        statement.setString(3, DATE_TIME.format(period.to()));
        return statement;
    }
}
