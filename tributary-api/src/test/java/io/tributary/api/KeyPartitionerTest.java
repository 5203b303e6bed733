package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyPartitionerTest {

    /** Vectors published with Kafka's murmur2 (its UtilsTest): same key, same hash, same partition. */
    @ParameterizedTest
    @CsvSource({
        "21, -973932308",
        "foobar, -790332482",
        "a-little-bit-long-string, -985981536",
        "a-little-bit-longer-string, -1486304829",
        "lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8, -58897971",
        "abc, 479470107"
    })
    void murmur2_matchesKafka(String key, int expected) {
        assertThat(KeyPartitioner.murmur2(key.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
    }

    @Property
    void partition_isAlwaysInRangeAndStable(@ForAll byte[] key, @ForAll @IntRange(min = 1, max = 1000) int partitions) {
        int partition = KeyPartitioner.partition(key, partitions);

        assertThat(partition).isBetween(0, partitions - 1);
        assertThat(KeyPartitioner.partition(key.clone(), partitions)).isEqualTo(partition);
    }

    @org.junit.jupiter.api.Test
    void partition_ofNoPartitions_isRefused() {
        assertThatThrownBy(() -> KeyPartitioner.partition(new byte[1], 0)).hasMessageContaining("at least one partition");
    }
}
