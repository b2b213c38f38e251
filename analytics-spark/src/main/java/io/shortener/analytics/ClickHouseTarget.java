package io.shortener.analytics;

import io.shortener.clickhouse.ClickHouseHttp;
import io.shortener.clickhouse.TabSeparatedRows;
import java.io.Serializable;

/** Where the job writes: a ClickHouse server's HTTP interface and a database on it; shipped to where Spark runs a partition. */
record ClickHouseTarget(String url, String database) implements Serializable {

    /** A client for this target, for the inserts of one partition or one batch. */
    Connection connect() {
        return new Connection(new ClickHouseHttp(url), database);
    }

    record Connection(ClickHouseHttp http, String database) {

        /** One insert of these rows, in the table's column order. */
        void insert(ClickTable table, TabSeparatedRows rows) {
            http.insert(database, table.table(), table.columns(), rows);
        }
    }
}
