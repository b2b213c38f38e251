package io.shortener.devstack;

/**
 * One ClickHouse server on a loopback address: its HTTP port (JDBC and the HTTP interface), native TCP
 * port (clickhouse-client), database, and CPU share.
 */
public record ClickHouseSettings(String address, int httpPort, int tcpPort, int interserverPort, String database, CpuShare cpu) {

    /** The variable that sets the server's CPU share ({@link CpuShare#parse}). */
    public static final String CPU_VARIABLE = "SHORTENER_CLICKHOUSE_CPU";

    /** Inserts and merges for the job, queries for the stats API: none of it on a redirect's path. */
    public static final CpuShare DEFAULT_CPU = CpuShare.weighted(20);

    /** Not 8123/9000: a ClickHouse of the machine's own may hold those. */
    public static ClickHouseSettings on(String address) {
        return new ClickHouseSettings(address, 18123, 19000, 19009, "shortener", CpuShare.fromEnvironment(CPU_VARIABLE, DEFAULT_CPU));
    }

    public ClickHouseSettings withDatabase(String other) {
        return new ClickHouseSettings(address, httpPort, tcpPort, interserverPort, other, cpu);
    }

    public String httpUrl() {
        return "http://" + address + ":" + httpPort;
    }

    /** For the legacy driver, the only one that speaks to ClickHouse 18.16: without compress=false its answers lack column names. */
    public String jdbcUrl(String database) {
        return "jdbc:clickhouse://" + address + ":" + httpPort + "/" + database + "?compress=false";
    }

    public String jdbcUrl() {
        return jdbcUrl(database);
    }
}
