package io.tributary.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ByteSizeTest {

    @Test
    void parse_readsBinaryUnits() {
        assertThat(ByteSize.parse("4096").bytes()).isEqualTo(4096);
        assertThat(ByteSize.parse("64KiB").bytes()).isEqualTo(64 * 1024);
        assertThat(ByteSize.parse("8 MiB").bytes()).isEqualTo(8L << 20);
        assertThat(ByteSize.parse("1GB").bytes()).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("2t").bytes()).isEqualTo(2L << 40);
    }

    @Test
    void parse_rejectsWhatIsNotASizeAndSaysWhatIs() {
        assertThatThrownBy(() -> ByteSize.parse("lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'lots' is not a byte size")
                .hasMessageContaining("64KiB");
        assertThatThrownBy(() -> ByteSize.parse("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSize.parse("99999999999TiB")).hasMessageContaining("too large");
    }

    @Test
    void toString_usesTheLargestExactUnit() {
        assertThat(ByteSize.ofGibibytes(1)).hasToString("1GiB");
        assertThat(ByteSize.ofKibibytes(1536)).hasToString("1536KiB");
        assertThat(ByteSize.ofBytes(100)).hasToString("100B");
        assertThat(ByteSize.ofBytes(0)).hasToString("0B");
    }

    @Property
    void toString_parsesBackToTheSameSize(@ForAll @LongRange(min = 0, max = 1L << 50) long bytes) {
        ByteSize size = ByteSize.ofBytes(bytes);

        assertThat(ByteSize.parse(size.toString())).isEqualTo(size);
    }
}
