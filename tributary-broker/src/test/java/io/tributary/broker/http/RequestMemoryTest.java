package io.tributary.broker.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.config.ByteSize;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestMemoryTest {

    private final RequestMemory memory = new RequestMemory(new java.util.concurrent.Semaphore(100, true), ByteSize.ofBytes(100), Duration.ofMillis(50));

    @Test
    void acquire_beyondTheBudget_is503_onceTheWaitIsOver() throws InterruptedException {
        try (RequestMemory.Lease held = memory.acquire(80)) {
            assertThatThrownBy(() -> memory.acquire(30))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("tributary.broker.request-memory");
                        assertThat(e.headers()).containsEntry("Retry-After", "1");
                    });
        }
    }

    @Test
    void closingALease_givesItsBytesBack() throws InterruptedException {
        memory.acquire(100).close();

        try (RequestMemory.Lease lease = memory.acquire(100)) {
            assertThat(lease).isNotNull();
        }
    }

    @Test
    void shrinkTo_givesBackWhatTheBodyDidNotNeed() throws InterruptedException {
        try (RequestMemory.Lease chunked = memory.acquire(100)) {
            chunked.shrinkTo(40);

            try (RequestMemory.Lease other = memory.acquire(60)) {
                assertThat(other).isNotNull();
            }
        }
    }
}
