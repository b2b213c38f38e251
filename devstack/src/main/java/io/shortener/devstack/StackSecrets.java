package io.shortener.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * A stack's own secrets, each made at the stack's first start, kept in a file of its own under the stack's
 * folder (mode 600) and handed to its services: the development API key (their initial key, every scope),
 * the code permutation's key and the visitor-id key. The service refuses to start with the shipped
 * placeholders outside development mode, so every stack gets keys of its own, as a deployment must.
 * The API key has the service's form (access/ApiKeySecrets: {@code shk_} and 32 URL-safe characters); a
 * test there holds this one to it.
 */
public final class StackSecrets {

    public static final String API_KEY_FILE = "dev-api-key";

    private final Path stackDir;

    public StackSecrets(Path stackDir) {
        this.stackDir = stackDir;
    }

    /** The development API key, which the README's curl examples and the load generator read from its file. */
    public String apiKey() {
        return kept(API_KEY_FILE, "shk_");
    }

    /** What a service of the stack gets in its environment. */
    public Map<String, String> environment() {
        return Map.of(
                "SHORTENER_INITIAL_API_KEY", apiKey(),
                "SHORTENER_CODE_KEY", kept("code-key", ""),
                "SHORTENER_VISITOR_KEY", kept("visitor-key", ""));
    }

    /** The secret in {@code file}, made now (a prefix and 192 random bits, URL-safe) if the stack has none yet. */
    private String kept(String file, String prefix) {
        Path path = stackDir.resolve(file);
        try {
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(stackDir);
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String secret = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(path, secret + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
