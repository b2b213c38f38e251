package io.shortener.safety;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code safety}: where short links may lead, and what is blocked. */
public class SafetyConfiguration {

    /** Links to private, link-local and other internal addresses and names (10.0.0.0/8, intranet, *.internal…). */
    @JsonProperty
    private boolean allowPrivateTargets = false;

    /**
     * Other names and addresses the service answers on, comma-separated (other regions' base URLs' hosts, a
     * CDN's name, its public IP): links to them are loops. links.publicBaseUrl's host, the bind hosts,
     * localhost and the loopback and unspecified addresses are always included.
     */
    @JsonProperty
    @NotNull
    private String serviceNames = "";

    /** One blocked domain per line ({@code # reason}); read again when it changes. Empty: none. */
    @JsonProperty
    @NotNull
    private String blocklistFile = "";

    /** How often each instance reads the blocklist again: a change reaches every instance within this. */
    @JsonProperty
    @NotNull
    private Duration blocklistRefresh = Duration.seconds(5);

    /** New links waiting for the link checks; beyond it a link goes unchecked (and is counted). */
    @JsonProperty
    @Min(1)
    private int checkQueue = 10_000;

    public boolean isAllowPrivateTargets() {
        return allowPrivateTargets;
    }

    /** Every name of the service, lower case: these, the public base URL's host and the bind hosts given. */
    public Set<String> serviceNames(URI publicBaseUrl, List<String> bindHosts) {
        Set<String> names = new HashSet<>();
        Arrays.stream(serviceNames.split(",")).map(String::trim).filter(name -> !name.isEmpty()).map(TargetHosts::normalize).forEach(names::add);
        names.add(TargetHosts.normalize(publicBaseUrl.getHost()));
        bindHosts.stream().filter(host -> host != null && !host.isBlank()).map(TargetHosts::normalize).forEach(names::add);
        return names;
    }

    public Path blocklistFile() {
        return blocklistFile.isBlank() ? null : Path.of(blocklistFile);
    }

    public java.time.Duration blocklistRefresh() {
        return blocklistRefresh.toJavaDuration();
    }

    public int getCheckQueue() {
        return checkQueue;
    }
}
