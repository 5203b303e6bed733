package io.tributary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryTest {

    /** A "random" source that always answers {@code value}. */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void defaults_areThreeAttemptsFrom100msDoubling() {
        Retry retry = Retry.defaults();

        assertThat(retry.attempts()).isEqualTo(3);
        assertThat(retry.jitter(0).delayAfter(1, fixed(0))).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.jitter(0).delayAfter(2, fixed(0))).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void delays_growExponentially_upToTheMaxDelay() {
        Retry retry = Retry.attempts(10).backoff(Duration.ofMillis(100)).multiplier(3).maxDelay(Duration.ofSeconds(1))
                .jitter(0);

        assertThat(retry.delayAfter(1, fixed(0))).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.delayAfter(2, fixed(0))).isEqualTo(Duration.ofMillis(300));
        assertThat(retry.delayAfter(3, fixed(0))).isEqualTo(Duration.ofMillis(900));
        assertThat(retry.delayAfter(4, fixed(0))).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.delayAfter(1000, fixed(0))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void jitter_cutsTheDelay_byUpToItsFraction_neverLengthensIt() {
        Retry retry = Retry.attempts(3).backoff(Duration.ofMillis(100)).jitter(0.5);

        assertThat(retry.delayAfter(1, fixed(0))).isEqualTo(Duration.ofMillis(100));
        assertThat(retry.delayAfter(1, fixed(0.999999))).isBetween(Duration.ofMillis(50), Duration.ofMillis(51));
        assertThat(retry.maxDelay(Duration.ofMillis(100)).delayAfter(5, fixed(0))).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void none_isOneAttempt() {
        assertThat(Retry.none().attempts()).isEqualTo(1);
    }

    @Test
    void backoffLongerThanTheMaxDelay_raisesTheMaxDelay() {
        assertThat(Retry.attempts(2).backoff(Duration.ofSeconds(30)).maxDelay()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void invalidPolicies_areRefused_namingTheRule() {
        assertThatThrownBy(() -> Retry.attempts(0)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> Retry.attempts(1001)).hasMessageContaining("1 to 1000");
        assertThatThrownBy(() -> Retry.defaults().multiplier(0.5)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Retry.defaults().jitter(1.5)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> Retry.defaults().maxDelay(Duration.ofMillis(1))).hasMessageContaining("max delay");
        assertThatThrownBy(() -> Retry.defaults().backoff(Duration.ofMillis(-1))).hasMessageContaining("negative");
        assertThatThrownBy(() -> Retry.defaults().delayAfter(0, fixed(0))).hasMessageContaining("at least 1");
    }
}
