package io.shortener.idgen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A keyed bijection on the non-negative longs [0, 2^63): a six-round Feistel network on 64 bits, with
 * cycle-walking (apply again while the result has its top bit set) to stay inside 63 bits. Consecutive
 * Snowflake IDs map to unrelated-looking values, so codes neither count up nor reveal creation time.
 *
 * <p>This hides order from casual guessing; it is not encryption. The key is not a secret that protects
 * data, only the choice of permutation.
 */
public final class FeistelPermutation {

    private static final int ROUNDS = 6;

    private final long[] roundKeys;

    public FeistelPermutation(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the code key must not be empty");
        }
        ByteBuffer digest = ByteBuffer.wrap(sha512(key));
        roundKeys = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            roundKeys[i] = digest.getLong();
        }
    }

    public long permute(long value) {
        requireNonNegative(value);
        long result = value;
        do {
            result = forward(result);
        } while (result < 0);
        return result;
    }

    public long invert(long value) {
        requireNonNegative(value);
        long result = value;
        do {
            result = backward(result);
        } while (result < 0);
        return result;
    }

    private long forward(long block) {
        int left = (int) (block >>> 32);
        int right = (int) block;
        for (int round = 0; round < ROUNDS; round++) {
            int next = left ^ mix(right, roundKeys[round]);
            left = right;
            right = next;
        }
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private long backward(long block) {
        int left = (int) (block >>> 32);
        int right = (int) block;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            int previous = right ^ mix(left, roundKeys[round]);
            right = left;
            left = previous;
        }
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    /** The round function: a 64-bit finaliser (SplitMix64's) over the half-block and the round key. */
    private static int mix(int half, long roundKey) {
        long x = (half & 0xFFFFFFFFL) ^ roundKey;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        return (int) (x ^ (x >>> 32));
    }

    private static void requireNonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("the permutation covers non-negative longs only, was " + value);
        }
    }

    private static byte[] sha512(String key) {
        try {
            return MessageDigest.getInstance("SHA-512").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }
}
