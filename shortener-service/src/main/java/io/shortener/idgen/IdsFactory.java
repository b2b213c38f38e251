package io.shortener.idgen;

import io.shortener.access.PlaceholderSecrets;
import com.datastax.oss.driver.api.core.CqlSession;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.shortener.snowflake.IdLayout;
import io.shortener.snowflake.SnowflakeGenerator;
import io.shortener.snowflake.SnowflakeSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code ids} section: which region this instance is in, how it gets its machine ID (leased in
 * Cassandra unless one is configured), and the key of the permutation that turns IDs into codes. No two
 * live instances may share (region, machine).
 */
public class IdsFactory {

    @Min(0)
    @Max(31)
    private int region = 0;

    /** Unset: leased in Cassandra (MachineLease). Set: this ID, which the deployment keeps unique itself. */
    @Min(0)
    @Max(31)
    private Integer machine;

    /** How long a machine ID lease lasts unless renewed (every third of it). */
    @NotNull
    private Duration leaseTtl = Duration.seconds(30);

    /** How far two instances' clocks may disagree: a lease is used this much less than it lasts. */
    @NotNull
    private Duration clockSkew = Duration.seconds(2);

    @NotNull
    private Duration maxClockBackwards = Duration.milliseconds(10);

    /**
     * Chooses the permutation from IDs to codes. Set it once per deployment: existing links keep working
     * if it changes (codes are stored), but old and new codes are then no longer disjoint by construction.
     */
    @NotEmpty
    private String codeKey = PlaceholderSecrets.PLACEHOLDER;

    @JsonProperty
    public int getRegion() {
        return region;
    }

    @JsonProperty
    public void setRegion(int region) {
        this.region = region;
    }

    @JsonProperty
    public Integer getMachine() {
        return machine;
    }

    @JsonProperty
    public void setMachine(Integer machine) {
        this.machine = machine;
    }

    @JsonProperty
    public Duration getLeaseTtl() {
        return leaseTtl;
    }

    @JsonProperty
    public void setLeaseTtl(Duration leaseTtl) {
        this.leaseTtl = leaseTtl;
    }

    @JsonProperty
    public Duration getClockSkew() {
        return clockSkew;
    }

    @JsonProperty
    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    @JsonProperty
    public Duration getMaxClockBackwards() {
        return maxClockBackwards;
    }

    @JsonProperty
    public void setMaxClockBackwards(Duration maxClockBackwards) {
        this.maxClockBackwards = maxClockBackwards;
    }

    @JsonProperty
    public String getCodeKey() {
        return codeKey;
    }

    @JsonProperty
    public void setCodeKey(String codeKey) {
        this.codeKey = codeKey;
    }

    /** Whether machine IDs are leased (no {@code machine} configured). */
    public boolean leased() {
        return machine == null;
    }

    /** The configured machine ID, for a deployment that assigns them itself. */
    public FixedMachine fixedMachine() {
        return new FixedMachine(new SnowflakeGenerator(settings(machine)));
    }

    /** A lease in {@code keyspace}.machine_leases, renewed on {@code scheduler}; start it before the first ID. */
    public MachineLease lease(CqlSession session, String keyspace, ScheduledExecutorService scheduler, Clock clock) {
        String holder = ProcessHandle.current().info().user().orElse("") + "@" + hostName() + "/" + ProcessHandle.current().pid()
                + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return new MachineLease(session, keyspace, settings(0), holder, leaseTtl.toJavaDuration(), clockSkew.toJavaDuration(),
                scheduler, clock);
    }

    public ShortCodes build(MachineIds machines) {
        return new ShortCodes(machines, new FeistelPermutation(codeKey));
    }

    private SnowflakeSettings settings(int machineId) {
        return new SnowflakeSettings(IdLayout.DEFAULT, SnowflakeSettings.DEFAULT_EPOCH, region, machineId, maxClockBackwards.toJavaDuration());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
