package io.shortener.analytics;

import java.io.Serializable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * A click as the ClickHouse tables hold it: the event's fields with the tables' values for what it
 * lacks (no referrer and no country are {@code ''}, an unknown device {@code other}, an unknown browser
 * or OS {@code Other}; an event of version 1, which has no rule, rule 0 and variant 0). Times are the
 * click's own (when the redirect was answered), in UTC.
 */
record CountedClick(long eventId, String code, long timestampMillis, int region, int instance, String referrer, String country,
                    String device, String browser, String os, boolean bot, String visitorId, int rule, int variant) {

    CountedClick {
        referrer = referrer == null ? "" : referrer;
        country = country == null ? "" : country;
        device = device == null ? "other" : device;
        browser = browser == null ? "Other" : browser;
        os = os == null ? "Other" : os;
    }

    long second() {
        return Math.floorDiv(timestampMillis, 1000L);
    }

    /** The start of the click's minute, in seconds since the epoch. */
    long minute() {
        return Math.floorDiv(timestampMillis, 60_000L) * 60;
    }

    boolean human() {
        return !bot;
    }

    /** The redirect rule and target that served it, as link_clicks_minute_by's 'target' values: '0.0' for the link's own URL. */
    String target() {
        return rule + "." + variant;
    }

    /** Where each field is in the job's rows (ClickEventSchema's names), found once per partition rather than per row. */
    record Fields(int eventId, int code, int timestamp, int region, int instance, int referrer, int country, int device,
                  int browser, int os, int bot, int visitorId, int rule, int variant) implements Serializable {

        static Fields of(StructType schema) {
            return new Fields(schema.fieldIndex("eventId"), schema.fieldIndex("code"), schema.fieldIndex("timestamp"),
                    schema.fieldIndex("region"), schema.fieldIndex("instance"), schema.fieldIndex("referrerHost"),
                    schema.fieldIndex("country"), schema.fieldIndex("deviceClass"), schema.fieldIndex("browser"),
                    schema.fieldIndex("os"), schema.fieldIndex("bot"), schema.fieldIndex("visitorId"), schema.fieldIndex("rule"),
                    schema.fieldIndex("variant"));
        }

        /** A countable row (eventId, code, timestamp and bot present: the job filters out the rest). */
        CountedClick read(Row row) {
            return new CountedClick(row.getLong(eventId), row.getString(code), row.getLong(timestamp),
                    row.isNullAt(region) ? 0 : row.getInt(region), row.isNullAt(instance) ? 0 : row.getInt(instance),
                    row.getString(referrer), row.getString(country), row.getString(device), row.getString(browser),
                    row.getString(os), row.getBoolean(bot), row.getString(visitorId), row.isNullAt(rule) ? 0 : row.getInt(rule),
                    row.isNullAt(variant) ? 0 : row.getInt(variant));
        }
    }
}
