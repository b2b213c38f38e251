package io.shortener.cache;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/** A Lua script kept beside the class that runs it, sent by its SHA-1 and, to a node that lacks it, whole. */
public record RedisScript(String text, String sha) {

    /** The script {@code name} from the classpath, next to {@code owner}. */
    public static RedisScript of(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no script " + name + " beside " + owner.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new RedisScript(text, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs it; throws what Redis throws. */
    public Object run(RedisConnection redis, List<String> keys, List<String> args) {
        try {
            return redis.client().evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            // A node that has not seen the script yet (or restarted): EVAL sends it, and it stays there.
            return redis.client().eval(text, keys, args);
        }
    }
}
