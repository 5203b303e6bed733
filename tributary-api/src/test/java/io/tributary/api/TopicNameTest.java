package io.tributary.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"orders", "billing.events", "a", "A-b_c.9", "orders.billing.dlq"})
    void legalNames_areAccepted(String name) {
        assertThat(TopicName.of(name).value()).isEqualTo(name);
        assertThat(TopicName.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "orders/eu", "ordres!", ".", "..", "naïve"})
    void illegalNames_areRejectedWithTheRule(String name) {
        assertThatThrownBy(() -> TopicName.of(name))
                .isInstanceOf(InvalidTopicNameException.class)
                .hasMessageContaining("a-z, A-Z, 0-9, '.', '_' and '-'");
        assertThat(TopicName.isValid(name)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void namesLongerThanTheLimit_areRejected() {
        assertThat(TopicName.of("x".repeat(249)).value()).hasSize(249);
        assertThatThrownBy(() -> TopicName.of("x".repeat(250))).hasMessageContaining("1 to 249 characters");
    }
}
