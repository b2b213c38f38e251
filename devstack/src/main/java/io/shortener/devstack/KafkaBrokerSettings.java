package io.shortener.devstack;

import java.util.List;

/** One Kafka broker in KRaft mode (its own controller), and the topics a stack needs on it. */
public record KafkaBrokerSettings(String name, String address, int port, int controllerPort, List<TopicSpec> topics) {

    /** Not 9092: a Kafka of the machine's own may hold that. */
    public static final int DEFAULT_PORT = 19092;

    public KafkaBrokerSettings {
        topics = List.copyOf(topics);
    }

    public String bootstrapServers() {
        return address + ":" + port;
    }

    public record TopicSpec(String name, int partitions) {
    }

    /** The clicks topic, keyed by code, with room for consumers to scale out. */
    public static KafkaBrokerSettings single(String name, String address) {
        return new KafkaBrokerSettings(name, address, DEFAULT_PORT, DEFAULT_PORT + 1, List.of(new TopicSpec("clicks", 6)));
    }
}
