package io.shortener.analytics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_unixtime;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A micro-batch's clicks (duplicates already dropped), one row each, in the shape of clicks_raw (V2__clicks_raw.sql). */
final class RawClickRows {

    static final String TABLE = "clicks_raw";
    static final List<String> COLUMNS = List.of("event_id", "code", "time", "region", "instance", "referrer", "country",
            "device", "browser", "os", "bot", "visitor_id");

    private RawClickRows() {
    }

    static Dataset<Row> of(Dataset<Row> clicks) {
        // The session's time zone is UTC (ClickAggregationJob), so from_unixtime writes UTC wall-clock time.
        return clicks.select(
                col("eventId"),
                col("code"),
                from_unixtime(col("timestamp").divide(1000).cast("long"), "yyyy-MM-dd HH:mm:ss"),
                coalesce(col("region"), lit(0)),
                coalesce(col("instance"), lit(0)),
                coalesce(col("referrerHost"), lit("")),
                coalesce(col("country"), lit("")),
                coalesce(col("deviceClass"), lit("other")),
                coalesce(col("browser"), lit("Other")),
                coalesce(col("os"), lit("Other")),
                when(col("bot"), 1).otherwise(0),
                coalesce(col("visitorId"), lit("")));
    }
}
