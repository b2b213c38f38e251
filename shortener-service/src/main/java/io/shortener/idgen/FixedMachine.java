package io.shortener.idgen;

import io.shortener.snowflake.SnowflakeGenerator;

/** A machine ID given by configuration ({@code ids.machine}): the deployment itself keeps them unique. */
public record FixedMachine(SnowflakeGenerator generator) implements MachineIds {

    @Override
    public SnowflakeGenerator forLinks() {
        return generator;
    }

    @Override
    public SnowflakeGenerator forEvents() {
        return generator;
    }

    @Override
    public int machine() {
        return generator.settings().machine();
    }
}
