package io.tributary.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;

class Utf8Test {

    /** Every UTF-16 unit, unpaired surrogates included. */
    @Property(tries = 500)
    void encode_writesExactlyWhatStringGetBytesWrites(@ForAll @CharRange(from = '\u0000', to = '\uffff') String text) {
        assertEncodesLikeTheJdk(text);
    }

    @Example
    void encode_coversEveryUtf8LengthAndBrokenSurrogates() {
        for (String text : new String[] {"", "a", "é", "名", "\uD83D\uDE00", "x\uD800", "\uDC00y", "\uDBFF\uDBFF\uDFFF"}) {
            assertEncodesLikeTheJdk(text);
        }
    }

    private static void assertEncodesLikeTheJdk(String text) {
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        byte[] actual = new byte[Utf8.encodedLength(text) + 2];
        int end = Utf8.encode(text, actual, 1);

        assertThat(Utf8.encodedLength(text)).isEqualTo(expected.length);
        assertThat(end).isEqualTo(1 + expected.length);
        assertThat(Arrays.copyOfRange(actual, 1, end)).isEqualTo(expected);
    }
}
