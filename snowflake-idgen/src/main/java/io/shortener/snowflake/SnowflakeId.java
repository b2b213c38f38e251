package io.shortener.snowflake;

import java.time.Instant;

/** The fields of one ID, as {@link SnowflakeGenerator#decompose(long)} reads them back. */
public record SnowflakeId(long value, Instant timestamp, int region, int machine, int sequence) {
}
