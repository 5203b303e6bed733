package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    private static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Test
    void ids_areUuidV7CarryingTheMillisecond() {
        long millis = Instant.parse("2024-05-01T12:30:00.123Z").toEpochMilli();
        Supplier<String> ids = EventIds.generator(InstantSource.fixed(Instant.ofEpochMilli(millis)), new SplittableRandom(1));

        String id = ids.get();

        assertThat(id).matches(UUID_V7);
        assertThat(UUID.fromString(id).version()).isEqualTo(7);
        assertThat(UUID.fromString(id).variant()).isEqualTo(2);
        assertThat(UUID.fromString(id).getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void idsWithinOneMillisecond_areStrictlyIncreasing_evenPastTheCounterRange() {
        Supplier<String> ids = EventIds.generator(InstantSource.fixed(Instant.ofEpochMilli(1_000)), new SplittableRandom(2));
        List<String> generated = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) {
            generated.add(ids.get());
        }

        assertThat(generated).isSorted().doesNotHaveDuplicates().allMatch(id -> id.matches(UUID_V7));
    }

    @Test
    void whenTheClockStepsBack_idsKeepIncreasing() {
        AtomicLong now = new AtomicLong(5_000);
        InstantSource clock = () -> Instant.ofEpochMilli(now.get());
        Supplier<String> ids = EventIds.generator(clock, new SplittableRandom(3));

        String first = ids.get();
        now.set(4_000);
        String second = ids.get();
        now.set(6_000);
        String third = ids.get();

        assertThat(List.of(first, second, third)).isSorted().doesNotHaveDuplicates();
        assertThat(UUID.fromString(third).getMostSignificantBits() >>> 16).isEqualTo(6_000);
    }

    @Test
    void next_isUniqueAndIncreasingAcrossThreads() throws InterruptedException {
        List<List<String>> perThread = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            List<String> mine = new ArrayList<>();
            perThread.add(mine);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 5_000; i++) {
                    mine.add(EventIds.next());
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }

        HashSet<String> all = new HashSet<>();
        perThread.forEach(ids -> {
            assertThat(ids).isSorted();
            all.addAll(ids);
        });
        assertThat(all).hasSize(20_000);
    }
}
