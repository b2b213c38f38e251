package io.shortener.devstack.junit;

import java.util.List;
import java.util.Map;

/**
 * One server as a container: an image pinned to a version, its command and environment, files to place in it,
 * and the log line that says it is ready (null: the fixture asks the server itself, as it asks a local one). Containers share the host's network, so that each server listens on
 * exactly the loopback address and port the fixture publishes (and a Redis Cluster's nodes or a Kafka broker
 * announce addresses the tests can reach): Linux only, as Docker's host networking is.
 */
public record ContainerSpec(String image, List<String> command, Map<String, String> environment, Map<String, String> files,
                            String readyLog) {

    public ContainerSpec {
        if (image.endsWith(":latest") || !image.contains(":")) {
            throw new IllegalArgumentException("pin the image to a version: " + image);
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        files = Map.copyOf(files);
    }
}
