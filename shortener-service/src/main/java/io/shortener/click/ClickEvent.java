package io.shortener.click;

/**
 * One click as it goes to Kafka: version 1 of the schema in click-event-v1.schema.json. {@code visitorId}
 * is a keyed hash of the anonymised address, the User-Agent and the day: it counts unique visitors per
 * day without storing who they are.
 */
public record ClickEvent(
        int schemaVersion,
        long eventId,
        String code,
        long timestamp,
        int region,
        int instance,
        String referrerHost,
        String deviceClass,
        String browser,
        String os,
        boolean bot,
        String country,
        String visitorId) {

    public static final int SCHEMA_VERSION = 1;
}
