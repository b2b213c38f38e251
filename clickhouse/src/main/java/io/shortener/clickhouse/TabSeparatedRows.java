package io.shortener.clickhouse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Rows in ClickHouse's TabSeparated input format, built in memory for one insert: values escaped as the
 * format requires (a tab, a line break or a backslash in a string cannot end a field), date-times as
 * {@code YYYY-MM-DD hh:mm:ss} in UTC, as the server's own time zone reads them.
 */
public final class TabSeparatedRows {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final StringBuilder row = new StringBuilder(256);
    private int count;
    private int fields;
    private long formattedSecond = Long.MIN_VALUE;
    private String formatted;

    public TabSeparatedRows text(String value) {
        separate();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                case '\\' -> row.append("\\\\");
                default -> row.append(c);
            }
        }
        return this;
    }

    public TabSeparatedRows number(long value) {
        separate();
        row.append(value);
        return this;
    }

    /** A DateTime column's value: whole seconds since the epoch, written as UTC wall-clock time. */
    public TabSeparatedRows dateTime(long epochSecond) {
        separate();
        if (epochSecond != formattedSecond) {
            // Rows of one batch share their seconds and minutes: format each once.
            LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            formatted = String.format("%04d-%02d-%02d %02d:%02d:%02d", time.getYear(), time.getMonthValue(),
                    time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond());
            formattedSecond = epochSecond;
        }
        row.append(formatted);
        return this;
    }

    public void endRow() {
        row.append('\n');
        out.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
        row.setLength(0);
        fields = 0;
        count++;
    }

    public int count() {
        return count;
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void separate() {
        if (fields++ > 0) {
            row.append('\t');
        }
    }
}
