package io.shortener.devstack;

/** Where a stack's shortener-service listens. */
public record ServiceSettings(String host, int httpPort, int adminPort) {

    public String publicBaseUrl() {
        return "http://" + host + ":" + httpPort;
    }

    public String healthUrl() {
        return "http://" + host + ":" + adminPort + "/healthcheck";
    }
}
