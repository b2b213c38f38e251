package io.shortener.devstack;

/** Where a driver reaches a node: contact point and the datacenter to treat as local. */
public record CassandraEndpoint(String host, int port, String datacenter) {

    /** Not 9042: a Cassandra of the machine's own may hold that. */
    public static final int DEFAULT_NATIVE_PORT = 19042;

    public String contactPoint() {
        return host + ":" + port;
    }
}
