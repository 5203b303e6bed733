package io.tributary.format;

import io.tributary.api.Header;
import io.tributary.api.Record;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators of records as producers send them: keys that are null, empty or not; headers whose names
 * repeat; values from empty to a few KiB, some compressible and some not; timestamps anywhere in the
 * {@code long} range, so deltas from the first record may be negative or wrap.
 */
final class RecordArbitraries {

    static final int MAX_RECORDS = 200;

    private RecordArbitraries() {
    }

    /** Lists of 1 to {@value #MAX_RECORDS} records. */
    static Arbitrary<List<Record>> recordLists() {
        // Uniform: jqwik's default size distribution rarely goes past a few dozen elements.
        return records().list().ofMinSize(1).ofMaxSize(MAX_RECORDS).withSizeDistribution(RandomDistribution.uniform());
    }

    /** One record. */
    static Arbitrary<Record> records() {
        Arbitrary<byte[]> keys = bytes(32).injectNull(0.3);
        Arbitrary<List<Header>> headers = headers().list().ofMaxSize(4);
        Arbitrary<byte[]> values = Arbitraries.frequencyOf(
                Tuple.of(6, bytes(64)),
                Tuple.of(3, bytes(1024)),
                Tuple.of(1, bytes(4096)));
        return Combinators.combine(keys, headers, values, timestamps()).as(Record::new);
    }

    /** Mostly around now (small deltas either way), sometimes anywhere, extremes included. */
    static Arbitrary<Long> timestamps() {
        long now = 1_750_000_000_000L;
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(now - 10_000_000, now + 10_000_000)),
                Tuple.of(1, Arbitraries.longs()));
    }

    /** Headers with names that often repeat, some of them not ASCII. */
    static Arbitrary<Header> headers() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("trace-id", "content-type", "retry", "élan", "名前", "emoji-\uD83D\uDE00"),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('\u00e0', '\u00ff')
                        .withCharRange('\u4e00', '\u4e20').ofMinLength(1).ofMaxLength(12));
        return Combinators.combine(names, bytes(32)).as(Header::new);
    }

    /**
     * Arrays of 0 to {@code maxSize} bytes, random or a short repeating pattern (so compression has work to
     * do). Filled from a seed rather than byte by byte: generating KiB arrays element-wise is slow.
     */
    static Arbitrary<byte[]> bytes(int maxSize) {
        return Combinators.combine(
                Arbitraries.integers().between(0, maxSize).withDistribution(RandomDistribution.uniform()), Arbitraries.longs(),
                Arbitraries.of(true, false)).as((size, seed, compressible) -> {
            byte[] bytes = new byte[size];
            if (compressible) {
                for (int i = 0; i < size; i++) {
                    bytes[i] = (byte) (seed + i % 7);
                }
            } else {
                new Random(seed).nextBytes(bytes);
            }
            return bytes;
        });
    }
}
