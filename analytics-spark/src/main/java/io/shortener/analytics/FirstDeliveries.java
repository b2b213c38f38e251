package io.shortener.analytics;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.ExpiredTimerInfo;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessor;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import org.apache.spark.sql.streaming.ValueState;
import java.util.Collections;
import java.util.List;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Passes the first delivery of each click event (grouped by event id) and drops the others that arrive
 * within the window after it.
 *
 * <p>Each id is remembered until the watermark passes its first delivery's Kafka timestamp plus the
 * window, by an event-time timer: Spark keeps timers in an index ordered by time, so forgetting the ids
 * of a micro-batch reads only those. Spark's own {@code dropDuplicatesWithinWatermark} forgets by reading
 * every id it holds, each micro-batch: with an hour of ids (millions under load) that read was seconds of
 * CPU per batch, whatever the batch's size.
 */
final class FirstDeliveries extends StatefulProcessor<Long, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int sentField;
    private final long windowMs;
    private transient ValueState<Long> forgetAt;

    /**
     * @param sentField the index of the Kafka timestamp in the rows
     * @param windowMs  how long after a delivery a redelivery of it is still dropped
     */
    FirstDeliveries(int sentField, long windowMs) {
        this.sentField = sentField;
        this.windowMs = windowMs;
    }

    @Override
    public void init(OutputMode outputMode, TimeMode timeMode) {
        forgetAt = getHandle().getValueState("forgetAt", Encoders.LONG(), TTLConfig.NONE());
    }

    @Override
    public Iterator<Row> handleInputRows(Long eventId, Iterator<Row> deliveries, TimerValues timerValues) {
        if (forgetAt.exists()) {
            return none();
        }
        Row first = deliveries.next();
        long expiry = first.getTimestamp(sentField).getTime() + windowMs;
        forgetAt.update(expiry);
        getHandle().registerTimer(expiry);
        return CollectionConverters.asScala(List.of(first).iterator());
    }

    @Override
    public Iterator<Row> handleExpiredTimer(Long eventId, TimerValues timerValues, ExpiredTimerInfo expiredTimerInfo) {
        forgetAt.clear();
        return none();
    }

    private static Iterator<Row> none() {
        return CollectionConverters.asScala(Collections.emptyIterator());
    }
}
