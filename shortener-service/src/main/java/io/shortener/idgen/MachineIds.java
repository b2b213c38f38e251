package io.shortener.idgen;

import io.shortener.snowflake.SnowflakeGenerator;

/** Where an instance's Snowflake generator comes from: a machine ID it leases, or one it was given. */
public interface MachineIds {

    /** The generator for new links; {@link IdsUnavailable} while this instance holds no valid machine ID. */
    SnowflakeGenerator forLinks();

    /**
     * The generator for click event IDs: the last one held, even while its lease is being renewed late, so
     * that a redirect never waits for Cassandra (event IDs only serve to drop repeated deliveries).
     */
    SnowflakeGenerator forEvents();

    /** The machine ID held now (or last). */
    int machine();
}
