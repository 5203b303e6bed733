package io.tributary.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.Bus;
import io.tributary.Retry;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.Tributary;
import io.tributary.event.Event;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MicrometerListenerTest {

    @Test
    void processedEventsFailedAttemptsDeadLettersAndPartitions_areCountedPerTopicAndGroup() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CountDownLatch givenUp = new CountDownLatch(1);
        try (Bus bus = Tributary.open("mem:")) {
            SubscriptionHandle member = bus.subscribe(Subscription.to("metered").group("billing")
                    .retry(Retry.attempts(2).backoff(Duration.ofMillis(1)))
                    .listener(new MicrometerListener(registry))
                    .onError((event, error) -> givenUp.countDown()), event -> {
                        if (event.type().equals("poison")) {
                            throw new IllegalStateException("no");
                        }
                    });
            assertThat(registry.get(MicrometerListener.PARTITIONS).tag("group", "billing").gauge().value()).isEqualTo(1);

            bus.publish("metered", Event.builder("fine").build()).join();
            bus.publish("metered", Event.builder("poison").build()).join();
            assertThat(givenUp.await(10, TimeUnit.SECONDS)).isTrue();
            member.close();
        }

        assertThat(registry.get(MicrometerListener.PROCESSED).tags("topic", "metered", "group", "billing").timer().count())
                .isEqualTo(1);
        assertThat(registry.get(MicrometerListener.FAILED_ATTEMPTS).tags("topic", "metered", "group", "billing",
                "exception", "IllegalStateException").counter().count()).isEqualTo(2);
        assertThat(registry.get(MicrometerListener.DEAD_LETTERED).tags("topic", "metered", "group", "billing").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get(MicrometerListener.PARTITIONS).tag("group", "billing").gauge().value()).isZero();
    }
}
