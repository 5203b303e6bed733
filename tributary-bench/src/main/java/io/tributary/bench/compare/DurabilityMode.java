package io.tributary.bench.compare;

import java.util.Locale;

/**
 * The durability a run asks of every system. {@link #FSYNC}: an acknowledged record is on disk (Tributary
 * {@code durability=fsync}, Kafka topic {@code flush.messages=1}, NATS {@code sync_interval: always},
 * Redis {@code appendfsync always}). {@link #OS}: each system's default, the page cache (Tributary
 * {@code durability=os}, Kafka's default flush policy, NATS' 2-minute sync, Redis {@code appendfsync everysec}).
 */
enum DurabilityMode {
    FSYNC,
    OS;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but fsync, os or both */
    static java.util.List<DurabilityMode> parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fsync" -> java.util.List.of(FSYNC);
            case "os" -> java.util.List.of(OS);
            case "both" -> java.util.List.of(FSYNC, OS);
            default -> throw new IllegalArgumentException("--durability takes fsync, os or both, not '" + value + "'");
        };
    }
}
