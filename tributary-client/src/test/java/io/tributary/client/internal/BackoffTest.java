package io.tributary.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> 1.0);

    @Test
    void waitDoublesWithEachAttempt_upToTheMaximum() {
        assertThat(millis(0)).isEqualTo(100);
        assertThat(millis(1)).isEqualTo(200);
        assertThat(millis(4)).isEqualTo(1600);
        assertThat(millis(5)).isEqualTo(2000);
        assertThat(millis(1_000)).isEqualTo(2000);
    }

    @Test
    void jitter_shortensTheWaitByAtMostAFifth() {
        Backoff noJitter = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), () -> 0.0);

        assertThat(Duration.ofNanos(noJitter.delayNanos(1)).toMillis()).isEqualTo(160);
    }

    private long millis(int attempt) {
        return Duration.ofNanos(backoff.delayNanos(attempt)).toMillis();
    }
}
