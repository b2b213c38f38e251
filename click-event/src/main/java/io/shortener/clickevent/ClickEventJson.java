package io.shortener.clickevent;

/**
 * Writes a {@link ClickEvent} as one line of JSON, fields in the record's order, nulls written as null.
 * By hand rather than through a data-binding library: this runs once per redirect on the service's
 * sending thread, where a profile showed Jackson's bean serialiser as its largest cost, and it keeps the
 * module free of dependencies. Not for parsing: readers use their own JSON library against the schema.
 */
public final class ClickEventJson {

    private ClickEventJson() {
    }

    public static String write(ClickEvent event) {
        StringBuilder out = new StringBuilder(320);
        out.append("{\"schemaVersion\":").append(event.schemaVersion())
                .append(",\"eventId\":").append(event.eventId());
        string(out.append(",\"code\":"), event.code());
        out.append(",\"timestamp\":").append(event.timestamp())
                .append(",\"region\":").append(event.region())
                .append(",\"instance\":").append(event.instance());
        string(out.append(",\"referrerHost\":"), event.referrerHost());
        string(out.append(",\"deviceClass\":"), event.deviceClass());
        string(out.append(",\"browser\":"), event.browser());
        string(out.append(",\"os\":"), event.os());
        out.append(",\"bot\":").append(event.bot());
        string(out.append(",\"country\":"), event.country());
        string(out.append(",\"visitorId\":"), event.visitorId());
        out.append(",\"rule\":").append(event.rule())
                .append(",\"variant\":").append(event.variant());
        return out.append('}').toString();
    }

    /** A JSON string (RFC 8259): quotes, backslashes and control characters escaped; everything else as it is. */
    private static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
