package io.shortener.analytics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import ru.yandex.clickhouse.ClickHouseDriver;

/**
 * Writes one partition of rows into a ClickHouse table, in batches, from wherever Spark runs the
 * partition (the driver in local mode, an executor on a cluster). Row fields are in the table's column order.
 */
final class ClickHouseInsert implements ForeachPartitionFunction<Row> {

    private static final long serialVersionUID = 1L;
    private static final int ROWS_PER_INSERT = 50_000;

    private final String jdbcUrl;
    private final String table;
    private final List<String> columns;

    ClickHouseInsert(String jdbcUrl, String table, List<String> columns) {
        this.jdbcUrl = jdbcUrl;
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    @Override
    public void call(Iterator<Row> rows) throws SQLException {
        if (!rows.hasNext()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(column -> "?").toList()) + ")";
        // The driver class itself, not DriverManager: the 0.3.2 jar also registers a newer driver
        // class that fails against ClickHouse 18.16.
        try (Connection connection = new ClickHouseDriver().connect(jdbcUrl, new Properties());
             PreparedStatement insert = connection.prepareStatement(sql)) {
            int pending = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                for (int i = 0; i < columns.size(); i++) {
                    insert.setObject(i + 1, row.get(i));
                }
                insert.addBatch();
                if (++pending == ROWS_PER_INSERT) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
