package io.tributary.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchHeaderTest {

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "0, 0, 0",
            "0, 5, 5",
            "2147483640, 7, 2147483647",
            "2147483647, 1, 0",
            "2147483645, 10, 7",
            "2147483647, 2147483647, 2147483646",
    })
    void sequenceAfter_countsOnAndWrapsFromIntegerMaxToZero(int sequence, int count, int expected) {
        assertThat(BatchHeader.sequenceAfter(sequence, count)).isEqualTo(expected);
    }
}
