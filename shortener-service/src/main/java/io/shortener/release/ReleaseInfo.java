package io.shortener.release;

import java.util.Optional;

/**
 * Which build this process runs: the version its jar's manifest names ({@code Implementation-Version}, set by
 * the build; a rollout may stamp its own) or "unknown" when run from classes. The rollout's gate reads it from
 * the admin port's {@code /version} to know the instance it started is the new build, not the old one.
 */
public record ReleaseInfo(String version) {

    public ReleaseInfo {
        version = version == null || version.isBlank() ? "unknown" : version;
    }

    public static ReleaseInfo of(Class<?> anchor) {
        return new ReleaseInfo(Optional.ofNullable(anchor.getPackage()).map(Package::getImplementationVersion).orElse(null));
    }

    public String json() {
        return "{\"version\":\"" + version.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }
}
