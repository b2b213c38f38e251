package io.shortener.devstack;

import java.util.List;

/** One Kafka broker in KRaft mode (its own controller), the topics a stack needs on it, and its CPU share. */
public record KafkaBrokerSettings(String name, String address, int port, int controllerPort, List<TopicSpec> topics, CpuShare cpu) {

    /** Not 9092: a Kafka of the machine's own may hold that. */
    public static final int DEFAULT_PORT = 19092;

    /** The variable that sets the broker's CPU share ({@link CpuShare#parse}). */
    public static final String CPU_VARIABLE = "SHORTENER_KAFKA_CPU";

    /**
     * No redirect waits for the broker (clicks wait in the service's journal), so on a busy machine it
     * takes a fifth of what the service may: after a saturating burst it catches up with the journal
     * without taking the CPU from the redirects that follow. On a free machine it takes what it needs.
     */
    public static final CpuShare DEFAULT_CPU = CpuShare.weighted(20);

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
        return new KafkaBrokerSettings(name, address, DEFAULT_PORT, DEFAULT_PORT + 1, List.of(new TopicSpec("clicks", 6)),
                CpuShare.fromEnvironment(CPU_VARIABLE, DEFAULT_CPU));
    }
}
