package io.shortener.snowflake;

/** Wall-clock milliseconds since the Unix epoch; replaceable so tests can move time backwards. */
@FunctionalInterface
public interface MillisClock {

    MillisClock SYSTEM = System::currentTimeMillis;

    long currentTimeMillis();
}
