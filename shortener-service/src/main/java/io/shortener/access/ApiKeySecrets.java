package io.shortener.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Keys are {@code shk_} and 32 URL-safe characters: 192 random bits. The prefix lets secret scanners
 * (and people) recognise a leaked key. Stored as a plain SHA-256: a key is random, not a password, so
 * nothing can be guessed from the hash, and a slow hash would cost every API request its time.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "shk_";
    private static final Pattern FORM = Pattern.compile("shk_[A-Za-z0-9_-]{32}");

    private final SecureRandom random;

    public ApiKeySecrets(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text has a key's form: anything else is refused without a look in the store. */
    public static boolean looksLikeKey(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** What a list shows of a key: enough to tell two apart, too little to use. */
    public static String displayPrefix(String key) {
        return key.substring(0, PREFIX.length() + 6);
    }
}
