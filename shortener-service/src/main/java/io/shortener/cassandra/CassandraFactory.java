package io.shortener.cassandra;

import com.codahale.metrics.MetricRegistry;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.shortener.metrics.ExportedMetrics;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cassandra} section. Requests go at LOCAL_QUORUM, so a region answers from its own replicas
 * and keeps answering while another region is cut off (alias claims, at SERIAL, are the exception:
 * CassandraLinkStore). When no node of the local datacenter can be reached, the driver's own
 * datacenter failover sends requests to up to {@code failoverNodesPerRemoteDatacenter} nodes of each
 * other datacenter, where LOCAL_QUORUM then means a quorum of that datacenter; it comes back to the
 * local one as soon as a node there is up again.
 */
public class CassandraFactory {

    @NotEmpty
    private List<@Pattern(regexp = "[^:,]+:\\d+(,[^:,]+:\\d+)*", message = "must be host:port, or several separated by commas")
            String> contactPoints =
            List.of("127.0.0.1:19042");

    @NotEmpty
    private String localDatacenter = "dc1";

    @NotEmpty
    @Pattern(regexp = "[a-z][a-z0-9_]{0,47}", message = "must be a lower-case CQL identifier")
    private String keyspace = "shortener";

    /** Replicas per datacenter, for the keyspace's NetworkTopologyStrategy. */
    @NotEmpty
    private Map<@Pattern(regexp = "[A-Za-z0-9_-]+") String, Integer> replication = new LinkedHashMap<>(Map.of("dc1", 1));

    @NotNull
    private Duration requestTimeout = Duration.seconds(2);

    /** 0 turns the failover to other datacenters off: a region whose datacenter is down then answers 503. */
    @Min(0)
    private int failoverNodesPerRemoteDatacenter = 3;

    @NotNull
    private Duration schemaTimeout = Duration.seconds(30);

    private boolean applySchema = true;

    @JsonProperty
    public List<String> getContactPoints() {
        return contactPoints;
    }

    @JsonProperty
    public void setContactPoints(List<String> contactPoints) {
        this.contactPoints = contactPoints;
    }

    @JsonProperty
    public String getLocalDatacenter() {
        return localDatacenter;
    }

    @JsonProperty
    public void setLocalDatacenter(String localDatacenter) {
        this.localDatacenter = localDatacenter;
    }

    @JsonProperty
    public String getKeyspace() {
        return keyspace;
    }

    @JsonProperty
    public void setKeyspace(String keyspace) {
        this.keyspace = keyspace;
    }

    @JsonProperty
    public Map<String, Integer> getReplication() {
        return replication;
    }

    @JsonProperty
    @JsonDeserialize(using = ReplicationFactorsDeserializer.class)
    public void setReplication(Map<String, Integer> replication) {
        this.replication = replication;
    }

    @JsonProperty
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    @JsonProperty
    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    @JsonProperty
    public int getFailoverNodesPerRemoteDatacenter() {
        return failoverNodesPerRemoteDatacenter;
    }

    @JsonProperty
    public void setFailoverNodesPerRemoteDatacenter(int failoverNodesPerRemoteDatacenter) {
        this.failoverNodesPerRemoteDatacenter = failoverNodesPerRemoteDatacenter;
    }

    /** Whether the keyspace keeps replicas in more than one datacenter. */
    public boolean severalDatacenters() {
        return replication.size() > 1;
    }

    /** The datacenters with replicas besides the local one. */
    public List<String> otherDatacenters() {
        return replication.keySet().stream().filter(datacenter -> !datacenter.equals(localDatacenter)).toList();
    }

    /**
     * The execution profile whose requests a node of {@code datacenter} coordinates, at LOCAL_QUORUM there:
     * to ask another region's own quorum (and let its nodes' speculative retries step around one of them
     * that is down, which EACH_QUORUM reads were seen not to do).
     */
    public static String profileIn(String datacenter) {
        return "in-" + datacenter;
    }

    @JsonProperty
    public Duration getSchemaTimeout() {
        return schemaTimeout;
    }

    @JsonProperty
    public void setSchemaTimeout(Duration schemaTimeout) {
        this.schemaTimeout = schemaTimeout;
    }

    @JsonProperty
    public boolean isApplySchema() {
        return applySchema;
    }

    @JsonProperty
    public void setApplySchema(boolean applySchema) {
        this.applySchema = applySchema;
    }

    /** Connects; fails at once, naming the contact points, if no node answers. */
    public CqlSession connect() {
        return connect(null);
    }

    /**
     * Connects, with the driver's metrics that {@link ExportedMetrics} lists kept in {@code metrics} (under the
     * session name {@value ExportedMetrics#DRIVER_SESSION}); none when it is null.
     */
    public CqlSession connect(MetricRegistry metrics) {
        ProgrammaticDriverConfigLoaderBuilder config = DriverConfigLoader.programmaticBuilder()
                .withString(DefaultDriverOption.REQUEST_CONSISTENCY, "LOCAL_QUORUM")
                .withString(DefaultDriverOption.REQUEST_SERIAL_CONSISTENCY, "LOCAL_SERIAL")
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout.toJavaDuration())
                .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, java.time.Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, java.time.Duration.ofSeconds(5))
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, schemaTimeout.toJavaDuration())
                .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, schemaTimeout.toJavaDuration())
                // A node back from a restart is used again within seconds, not after the default minute.
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, java.time.Duration.ofSeconds(5))
                .withInt(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_MAX_NODES_PER_REMOTE_DC, failoverNodesPerRemoteDatacenter)
                .withBoolean(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_ALLOW_FOR_LOCAL_CONSISTENCY_LEVELS, true)
                .withClass(DefaultDriverOption.RETRY_POLICY_CLASS, RetryTimeoutsElsewhere.class)
                // The session closes after the service has drained its requests: the driver's default 2 s of quiet
                // for tasks no one will submit only delayed every stop (each host of a rollout, each test app).
                .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 0)
                .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 0)
                .withString(DefaultDriverOption.SESSION_NAME, ExportedMetrics.DRIVER_SESSION);
        if (metrics != null) {
            config = config.withStringList(DefaultDriverOption.METRICS_SESSION_ENABLED, ExportedMetrics.DRIVER_SESSION_METRICS)
                    .withStringList(DefaultDriverOption.METRICS_NODE_ENABLED, ExportedMetrics.DRIVER_NODE_METRICS);
        }
        for (String datacenter : otherDatacenters()) {
            config = config.startProfile(profileIn(datacenter))
                    .withString(DefaultDriverOption.LOAD_BALANCING_LOCAL_DATACENTER, datacenter)
                    .withInt(DefaultDriverOption.LOAD_BALANCING_DC_FAILOVER_MAX_NODES_PER_REMOTE_DC, 0)
                    .endProfile();
        }
        CqlSessionBuilder builder = CqlSession.builder();
        if (metrics != null) {
            builder = builder.withMetricRegistry(metrics);
        }
        return builder
                .addContactPoints(contactPoints.stream().flatMap(entry -> Arrays.stream(entry.split(","))).map(CassandraFactory::address).toList())
                .withLocalDatacenter(localDatacenter)
                .withConfigLoader(config.build())
                .withApplicationName("shortener-service")
                .build();
    }

    public CassandraSchema schema() {
        return new CassandraSchema(keyspace, replication, schemaTimeout.toJavaDuration());
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
