package io.shortener.analytics;

import io.shortener.clickevent.ClickEvent;
import java.lang.reflect.RecordComponent;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark schema the job parses click events with, derived from the contract's record
 * ({@link ClickEvent}), so that the job can only read the fields the service writes. Every field is
 * nullable here: an event that lacks what a count needs is skipped by the job, not failed on.
 */
final class ClickEventSchema {

    static final StructType CURRENT = of(ClickEvent.class);

    private ClickEventSchema() {
    }

    static StructType of(Class<? extends Record> record) {
        StructType schema = new StructType();
        for (RecordComponent component : record.getRecordComponents()) {
            schema = schema.add(component.getName(), sparkType(component.getType()), true);
        }
        return schema;
    }

    private static DataType sparkType(Class<?> type) {
        if (type == int.class) {
            return DataTypes.IntegerType;
        }
        if (type == long.class) {
            return DataTypes.LongType;
        }
        if (type == boolean.class) {
            return DataTypes.BooleanType;
        }
        if (type == String.class) {
            return DataTypes.StringType;
        }
        throw new IllegalArgumentException("no Spark type for a click event field of type " + type);
    }
}
