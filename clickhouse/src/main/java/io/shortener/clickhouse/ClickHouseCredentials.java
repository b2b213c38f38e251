package io.shortener.clickhouse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Who the tools and the analytics job are to ClickHouse: a user and password sent as HTTP basic
 * authentication, or none (the server's {@code default} user). Taken from the environment, as
 * clickhouse-client takes them, so that a password never shows on a command line.
 */
public record ClickHouseCredentials(String user, String password) {

    public static final String USER_VARIABLE = "CLICKHOUSE_USER";
    public static final String PASSWORD_VARIABLE = "CLICKHOUSE_PASSWORD";

    public ClickHouseCredentials {
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static ClickHouseCredentials none() {
        return new ClickHouseCredentials("", "");
    }

    public static ClickHouseCredentials fromEnvironment() {
        return from(System.getenv());
    }

    static ClickHouseCredentials from(Map<String, String> environment) {
        return new ClickHouseCredentials(environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE));
    }

    /** The Authorization header's value, if a user is named. */
    Optional<String> authorization() {
        if (user.isEmpty()) {
            return Optional.empty();
        }
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    @Override
    public String toString() {
        return user.isEmpty() ? "ClickHouseCredentials[default user]" : "ClickHouseCredentials[" + user + ", password hidden]";
    }
}
