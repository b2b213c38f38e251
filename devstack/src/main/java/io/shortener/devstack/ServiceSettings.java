package io.shortener.devstack;

import java.util.List;

/** Where a stack's shortener-service listens, and JVM options given to it besides the launcher's own. */
public record ServiceSettings(String host, int httpPort, int adminPort, List<String> extraJvmOptions) {

    /** The variable whose words are added to the service's JVM options (heap, collector, a profiler). */
    public static final String JVM_OPTIONS_VARIABLE = "SHORTENER_SERVICE_JVM_OPTIONS";

    public ServiceSettings {
        extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    public ServiceSettings(String host, int httpPort, int adminPort) {
        this(host, httpPort, adminPort, List.of());
    }

    /** The options from {@value #JVM_OPTIONS_VARIABLE}, split on white space; none if it is unset. */
    public static List<String> jvmOptionsFromEnvironment() {
        return jvmOptions(System.getenv(JVM_OPTIONS_VARIABLE));
    }

    static List<String> jvmOptions(String words) {
        return words == null || words.isBlank() ? List.of() : List.of(words.trim().split("\\s+"));
    }

    public String publicBaseUrl() {
        return "http://" + host + ":" + httpPort;
    }

    /** The service's metrics in Prometheus' text format, on the admin port. */
    public String prometheusUrl() {
        return "http://" + host + ":" + adminPort + "/metrics/prometheus";
    }

    public String healthUrl() {
        return "http://" + host + ":" + adminPort + "/healthcheck";
    }
}
