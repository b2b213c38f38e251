package io.shortener.snowflake;

/**
 * The wall clock went back further, or for longer, than the generator may wait out. Issuing an ID now
 * could repeat one already issued, so the generator refuses instead.
 */
public final class ClockMovedBackwardsException extends IllegalStateException {

    public ClockMovedBackwardsException(long behindMillis, long maxBackwardsMillis) {
        super("clock moved backwards by " + behindMillis + " ms (at most " + maxBackwardsMillis
                + " ms is waited out); refusing to issue IDs until it catches up");
    }
}
