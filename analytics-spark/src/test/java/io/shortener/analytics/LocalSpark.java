package io.shortener.analytics;

import org.apache.spark.sql.SparkSession;

/** A Spark session in the test's JVM, with the job's own session settings (ClickAggregationJob.sessionSettings), on loopback. */
final class LocalSpark {

    private LocalSpark() {
    }

    static SparkSession start(String appName, int threads) {
        return ClickAggregationJob.sessionSettings(SparkSession.builder()).master("local[" + threads + "]").appName(appName)
                .config("spark.sql.shuffle.partitions", Integer.toString(threads))
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    }
}
