package io.shortener.analytics;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The fields of click-event-v1 (shortener-service/src/main/resources/io/shortener/click/click-event-v1.schema.json)
 * this job reads. Fields it does not name are ignored, so producers may add optional ones.
 */
final class ClickEventSchema {

    static final StructType V1 = new StructType()
            .add("schemaVersion", DataTypes.IntegerType)
            .add("eventId", DataTypes.LongType)
            .add("code", DataTypes.StringType)
            .add("timestamp", DataTypes.LongType)
            .add("referrerHost", DataTypes.StringType)
            .add("deviceClass", DataTypes.StringType)
            .add("browser", DataTypes.StringType)
            .add("os", DataTypes.StringType)
            .add("bot", DataTypes.BooleanType)
            .add("country", DataTypes.StringType)
            .add("visitorId", DataTypes.StringType);

    private ClickEventSchema() {
    }
}
