package io.tributary.bench.compare;

import java.util.Locale;

/** The systems compared; {@link #id()} is how options, tables and JSON name them. */
enum PeerSystem {
    TRIBUTARY("Tributary"),
    KAFKA("Kafka 4.4.0"),
    NATS("NATS JetStream"),
    REDIS("Redis Streams");

    private final String displayName;

    PeerSystem(String displayName) {
        this.displayName = displayName;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String displayName() {
        return displayName;
    }

    /** @throws IllegalArgumentException naming the known systems */
    static PeerSystem of(String id) {
        for (PeerSystem system : values()) {
            if (system.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return system;
            }
        }
        throw new IllegalArgumentException("unknown peer '" + id + "'; known: tributary, kafka, nats, redis");
    }
}
