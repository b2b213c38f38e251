package io.shortener.analytics;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_unixtime;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One micro-batch's clicks (duplicates already dropped) counted per link per minute, in the shape of
 * the three ClickHouse tables of clickhouse/schema/V1__click_counts.sql. Minutes are the clicks' own
 * time (when the redirect was answered), in UTC, so a click that reaches Kafka late still lands in its minute.
 */
final class MinuteCounts {

    private final Dataset<Row> events;

    MinuteCounts(Dataset<Row> clicks) {
        // The session's time zone is UTC (ClickAggregationJob), so from_unixtime writes UTC wall-clock time.
        this.events = clicks.select(
                col("code"),
                from_unixtime(col("timestamp").divide(60_000).cast("long").multiply(60), "yyyy-MM-dd HH:mm:ss").as("minute"),
                when(col("bot"), 0).otherwise(1).as("human"),
                coalesce(col("referrerHost"), lit("")).as("referrer"),
                coalesce(col("country"), lit("")).as("country"),
                coalesce(col("deviceClass"), lit("other")).as("device"),
                coalesce(col("browser"), lit("Other")).as("browser"),
                coalesce(col("os"), lit("Other")).as("os"),
                col("visitorId"));
    }

    /** link_clicks_minute: code, minute, batch_id, clicks, human_clicks. */
    Dataset<Row> totals(long batchId) {
        return events.groupBy("code", "minute")
                .agg(count(lit(1)).as("clicks"), sum("human").as("human_clicks"))
                .select(col("code"), col("minute"), lit(batchId).as("batch_id"), col("clicks"), col("human_clicks"));
    }

    /** link_clicks_minute_by: code, dimension, minute, value, batch_id, clicks, human_clicks. */
    Dataset<Row> breakdowns(long batchId) {
        Column dimensions = array(
                dimension("referrer"), dimension("country"), dimension("device"), dimension("browser"), dimension("os"));
        return events.select(col("code"), col("minute"), col("human"), explode(dimensions).as("d"))
                .groupBy(col("code"), col("d.dimension").as("dimension"), col("minute"), col("d.value").as("value"))
                .agg(count(lit(1)).as("clicks"), sum("human").as("human_clicks"))
                .select(col("code"), col("dimension"), col("minute"), col("value"), lit(batchId).as("batch_id"),
                        col("clicks"), col("human_clicks"));
    }

    /** link_visitors_minute: code, minute, human, visitor_id. */
    Dataset<Row> visitors() {
        return events.select(col("code"), col("minute"), col("human"), col("visitorId").as("visitor_id"))
                .where(col("visitor_id").isNotNull())
                .distinct();
    }

    private static Column dimension(String name) {
        return struct(lit(name).as("dimension"), col(name).as("value"));
    }
}
