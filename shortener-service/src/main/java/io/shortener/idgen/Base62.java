package io.shortener.idgen;

/** Fixed-width base62 ({@code 0-9A-Za-z}) for non-negative longs: every code of a width sorts like its number. */
public final class Base62 {

    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** 62^11 > 2^63, so eleven characters hold any non-negative long. */
    public static final int WIDTH = 11;

    private Base62() {
    }

    public static String encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("only non-negative values are encoded, was " + value);
        }
        char[] out = new char[WIDTH];
        for (int i = WIDTH - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }

    /** The value of an {@value #WIDTH}-character code, or -1 if it is not one (wrong length, character or over Long.MAX_VALUE). */
    public static long decode(CharSequence code) {
        if (code.length() != WIDTH) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < WIDTH; i++) {
            int digit = digit(code.charAt(i));
            if (digit < 0 || value > (Long.MAX_VALUE - digit) / 62) {
                return -1;
            }
            value = value * 62 + digit;
        }
        return value;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
