package io.shortener.clickhouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import ru.yandex.clickhouse.ClickHouseDriver;

/** Runs SQL through the JDBC driver analysts' tools use, and gives rows back as strings. */
final class ClickHouseRows {

    private final String jdbcUrl;

    ClickHouseRows(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    List<List<String>> query(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<List<String>> result = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
            return result;
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Connection connect() throws SQLException {
        return new ClickHouseDriver().connect(jdbcUrl, new Properties());
    }
}
