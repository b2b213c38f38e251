package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A stack's development API key, in {@code <stack>/dev-api-key}: made at the stack's first start and kept,
 * handed to its services as their initial key ({@code SHORTENER_INITIAL_API_KEY}: every scope), and read
 * by whoever uses the stack (the README's curl examples, the load generator). The key's form is the
 * service's (access/ApiKeySecrets: {@code shk_} and 32 URL-safe characters); a test there holds this one to it.
 */
public final class DevApiKey {

    public static final String FILE = "dev-api-key";

    private DevApiKey() {
    }

    /** The stack's key, made now if it has none yet. */
    public static String of(Path stackDir) {
        Path file = stackDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(stackDir);
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String key = "shk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
