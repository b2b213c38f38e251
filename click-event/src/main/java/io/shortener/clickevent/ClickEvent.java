package io.shortener.clickevent;

/**
 * One click as it goes to Kafka, version {@value #SCHEMA_VERSION}: the contract between the service that
 * writes it and the analytics job that reads it, described for other readers by click-event-v1.schema.json
 * beside this class (ClickEventSchemaTest holds the two together). {@code visitorId} is a keyed hash of
 * the anonymised address, the User-Agent and the day: it counts unique visitors per day without storing
 * who they are. Nullable: {@code referrerHost}, {@code country}.
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

    /** The JSON schema of this version, as a classpath resource. */
    public static final String JSON_SCHEMA = "/io/shortener/clickevent/click-event-v1.schema.json";
}
