package io.tributary.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TypePatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            // '*' alone: every type
            "*,               order,                   true",
            "*,               order.created,           true",
            "*,               model:user.deleted.v2,   true",
            // '*' as a token: exactly one token
            "order.*,         order.created,           true",
            "order.*,         order.created.v2,        false",
            "order.*,         order,                   false",
            "order.*,         orders.created,          false",
            "order.*,         order:created,           false",
            "*.created,       order.created,           true",
            "*.created,       order.updated,           false",
            "order.*.v2,      order.created.v2,        true",
            "order.*.v2,      order.created.v3,        false",
            "model:*,         model:user,              true",
            "model:*,         model.user,              false",
            "model:*,         model:user.created,      false",
            // '>' last: one or more tokens, any separators among them
            "order.>,         order.created,           true",
            "order.>,         order.created.v2,        true",
            "order.>,         order.created:v2,        true",
            "order.>,         order,                   false",
            "order.>,         order:created,           false",
            ">,               order,                   true",
            ">,               order.created,           true",
            // literals: equal tokens and equal separators
            "order.created,   order.created,           true",
            "order.created,   order.Created,           false",
            "order.created,   order:created,           false",
            "order.created,   order.created.v2,        false",
            "order.created,   order.create,            false",
            "order,           order.created,           false",
            // not a type at all
            "*,               order..created,          false",
            "order.>,         order.,                  false",
    })
    void matches(String pattern, String type, boolean expected) {
        assertThat(TypePattern.parse(pattern).matches(type)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order.>.created", ">.created", "order.>:x"})
    void greaterThanBeforeTheLastToken_isRejected(String pattern) {
        assertThatThrownBy(() -> TypePattern.parse(pattern))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("'>' may only be the last token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "order..created", ".order", "order.", "order:", "*."})
    void emptyTokens_areRejected(String pattern) {
        assertThatThrownBy(() -> TypePattern.parse(pattern))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("type pattern '" + pattern + "' is invalid")
                .hasMessageContaining("(patterns: order.created, order.*, order.>, model:*, or * for every type)");
    }

    @Test
    void wildcardsInsideTokens_andOtherCharacters_areRejected() {
        assertThatThrownBy(() -> TypePattern.parse("order.cre*"))
                .hasMessageContaining("token 'cre*' mixes a wildcard with other characters");
        assertThatThrownBy(() -> TypePattern.parse("order/created"))
                .hasMessageContaining("token 'order/created' has the character '/'");
        assertThatThrownBy(() -> TypePattern.parse("order.**")).hasMessageContaining("mixes a wildcard");
    }

    @Test
    void patternsAreValues() {
        assertThat(TypePattern.parse("order.*")).isEqualTo(TypePattern.parse("order.*")).hasToString("order.*");
        assertThat(TypePattern.parse("*")).isSameAs(TypePattern.all());
        assertThat(TypePattern.parse("*").matchesAll()).isTrue();
        assertThat(TypePattern.parse(">").matchesAll()).isTrue();
        assertThat(TypePattern.parse("order.>").matchesAll()).isFalse();
    }

    @Property
    void aTypeUsedAsAPattern_matchesItselfOnly(@ForAll("types") String type, @ForAll("types") String other) {
        TypePattern pattern = TypePattern.parse(type);

        assertThat(pattern.matches(type)).isTrue();
        assertThat(pattern.matches(other)).isEqualTo(type.equals(other));
    }

    @Property
    void everyTypeMatchesStarAndItsFirstTokenWithGreaterThan(@ForAll("types") String type) {
        assertThat(TypePattern.all().matches(type)).isTrue();
        int separator = firstSeparator(type);
        if (separator > 0) {
            assertThat(TypePattern.parse(type.substring(0, separator + 1) + ">").matches(type)).isTrue();
        }
    }

    @Provide
    Arbitrary<String> types() {
        return EventArbitraries.types();
    }

    private static int firstSeparator(String type) {
        for (int i = 0; i < type.length(); i++) {
            if (type.charAt(i) == '.' || type.charAt(i) == ':') {
                return i;
            }
        }
        return -1;
    }
}
