package io.shortener.limit;

import io.shortener.access.Caller;

/**
 * How many of a bulk request's items a caller may create now. A bulk request passes the API limit as one
 * request; its items are paid for here, one token each, so that a bulk does not multiply a key's creates.
 */
@FunctionalInterface
public interface BulkAllowance {

    /** Where limits are off: every item. */
    BulkAllowance UNLIMITED = (caller, items) -> items;

    /** At most {@code items}; the items past the answer are refused, each with a 429. */
    long grant(Caller caller, int items);

    /** Tokens from the key's own bucket (or the address's, for an anonymous caller) of {@code bandwidth}. */
    static BulkAllowance of(Buckets buckets, Bandwidth bandwidth) {
        return (caller, items) -> buckets.take("bulk:" + (caller.keyName() == null ? "anonymous" : caller.keyName()), bandwidth, items).granted();
    }
}
