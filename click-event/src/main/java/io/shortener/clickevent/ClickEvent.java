package io.shortener.clickevent;

/**
 * One click as it goes to Kafka, version {@value #SCHEMA_VERSION}: the contract between the service that
 * writes it and the analytics job that reads it, described for other readers by click-event-v2.schema.json
 * beside this class (ClickEventSchemaTest holds the two together). {@code visitorId} is a keyed hash of
 * the anonymised address, the User-Agent and the day: it counts unique visitors per day without storing
 * who they are. {@code rule} and {@code variant}: the redirect rule that chose the target and the target
 * of its split (from 1; 0 for the link's own URL, or a rule without a split). Version 2 added them to
 * version 1 (click-event-v1.schema.json), whose events read as rule 0, variant 0. Nullable:
 * {@code referrerHost}, {@code country}.
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
        String visitorId,
        int rule,
        int variant) {

    public static final int SCHEMA_VERSION = 2;

    /** The JSON schema of this version, as a classpath resource. */
    public static final String JSON_SCHEMA = "/io/shortener/clickevent/click-event-v2.schema.json";

    /** The example events of this version, one per line, as a classpath resource. */
    public static final String EXAMPLES = "/io/shortener/clickevent/examples/click-event-v2.jsonl";
}
