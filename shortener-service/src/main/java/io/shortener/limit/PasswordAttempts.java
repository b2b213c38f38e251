package io.shortener.limit;

/**
 * Attempts at a protected link's password, per link and client address: each attempt (right or wrong)
 * takes a token, before the slow hash is computed, so that neither guessing nor the hash's cost can be
 * pushed past the bucket. Applied to every address, exempt ones too, and whether or not the other limits
 * are on.
 */
public final class PasswordAttempts {

    private final Buckets buckets;
    private final Bandwidth bandwidth;

    public PasswordAttempts(Buckets buckets, Bandwidth bandwidth) {
        this.buckets = buckets;
        this.bandwidth = bandwidth;
    }

    /** Null when this attempt may go on; otherwise the refusal, which says when to try again. */
    public RateLimit refusal(String code, String clientAddress) {
        Take take = buckets.take("password:" + code + ":" + clientAddress, bandwidth, 1);
        return take.gotAny() ? null : RateLimit.refused(bandwidth, take.nextTokenMillis());
    }
}
