package io.shortener.limit;

/**
 * What one call to a bucket gave: {@code granted} of the tokens asked, how many it still holds, and how
 * long until it holds one token again and until it is full (milliseconds).
 */
public record Take(long granted, long remaining, long nextTokenMillis, long fullMillis) {

    public boolean gotAny() {
        return granted > 0;
    }
}
