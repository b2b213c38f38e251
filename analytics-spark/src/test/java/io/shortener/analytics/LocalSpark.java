package io.shortener.analytics;

import org.apache.spark.sql.SparkSession;

/** A Spark session in the test's JVM, set up as the job sets up its own (state store, UTC), on loopback. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start(String appName, int threads) {
        return ClickAggregationJob.withStateStore(SparkSession.builder()).master("local[" + threads + "]").appName(appName)
                .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.shuffle.partitions", Integer.toString(threads))
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }
}
