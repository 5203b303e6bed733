package io.tributary.event;

import java.time.InstantSource;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Event ids: UUIDv7 (RFC 9562) in their canonical lower-case text form, e.g.
 * {@code 0193a5c2-7f10-7c3e-9a4b-5d6e7f801234}. The first 48 bits are the Unix time in milliseconds, so ids
 * sort by creation time.
 *
 * <p>Ids from one generator are strictly increasing, also within one millisecond and across threads: the
 * 12 bits after the version ({@code rand_a}) are a counter that starts at a random value below 2048 each
 * millisecond and is incremented for every further id in it; when it overflows, or when the clock steps
 * back, the generator keeps counting from its last id (RFC 9562 §6.2, method 1). The 62 bits of
 * {@code rand_b} are random. They make ids unique across processes, not unguessable: do not use an id as
 * a secret.
 *
 * <p>{@link #next()} is what {@link Event.Builder#build()} uses; {@link #generator} builds one over an
 * injected clock and random source for deterministic tests. All generators are thread-safe and never block.
 */
public final class EventIds {

    private static final Supplier<String> SYSTEM =
            generator(InstantSource.system(), () -> ThreadLocalRandom.current().nextLong());

    private EventIds() {}

    /** A new UUIDv7 from the system clock, greater than every id this method returned before in this JVM. */
    public static String next() {
        return SYSTEM.get();
    }

    /**
     * An independent generator of UUIDv7 ids over {@code clock} (only its milliseconds are used) and
     * {@code random}, with the ordering guarantee described above.
     */
    public static Supplier<String> generator(InstantSource clock, RandomGenerator random) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        AtomicLong last = new AtomicLong(Long.MIN_VALUE); // millis << 12 | counter
        return () -> {
            long millis = clock.millis();
            long next;
            long previous;
            do {
                previous = last.get();
                long fresh = (millis << 12) | (random.nextLong() & 0x7FF);
                next = (millis << 12) > previous ? fresh : previous + 1;
            } while (!last.compareAndSet(previous, next));
            long mostSignificant = ((next >>> 12) << 16) | 0x7000L | (next & 0xFFF);
            long leastSignificant = (random.nextLong() >>> 2) | 0x8000_0000_0000_0000L;
            return new UUID(mostSignificant, leastSignificant).toString();
        };
    }
}
