package io.tributary.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.Record;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.ReadResult;
import io.tributary.client.TributaryClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broker process killed with SIGKILL while producers send in {@code fsync} mode: after a restart,
 * every record that was acknowledged is there, at the offset it was acknowledged with, in the order
 * its producer sent it, exactly once.
 */
class ServerCrashTest {

    private static final String TOPIC = "crash";
    private static final int PRODUCERS = 3;

    @TempDir
    Path data;

    @Test
    void everyAcknowledgedRecordSurvivesSigkill_inOrder_once() throws Exception {
        ConcurrentMap<String, Long> acked = new ConcurrentHashMap<>();
        try (ServerProcess server = ServerProcess.start(data)) {
            try (TributaryClient client = TributaryClient.connect(server.url())) {
                client.createTopic(TOPIC, 1, Map.of("durability", "fsync"));
                AtomicBoolean running = new AtomicBoolean(true);
                CountDownLatch enoughAcked = new CountDownLatch(2_000);
                List<Thread> producers = new ArrayList<>();
                for (int p = 0; p < PRODUCERS; p++) {
                    String name = "p" + p;
                    producers.add(Thread.ofPlatform().start(() -> produce(client, name, running, acked, enoughAcked)));
                }
                enoughAcked.await();
                server.kill();
                running.set(false);
                for (Thread producer : producers) {
                    producer.join();
                }
            }
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(2_000);

        try (ServerProcess restarted = ServerProcess.start(data);
                TributaryClient client = TributaryClient.connect(restarted.url())) {
            Map<Long, String> log = readAll(client);
            acked.forEach((value, offset) -> assertThat(log.get(offset)).as("acked record %s at offset %d", value, offset)
                    .isEqualTo(value));
            assertThat(log.values()).doesNotHaveDuplicates();
            Map<String, Integer> lastSequenceOfProducer = new HashMap<>();
            for (String value : log.values()) {
                String producer = value.substring(0, value.indexOf('-'));
                int sequence = Integer.parseInt(value.substring(value.indexOf('-') + 1));
                Integer previous = lastSequenceOfProducer.put(producer, sequence);
                assertThat(previous == null || previous < sequence).as("%s after %s-%s", value, producer, previous).isTrue();
            }
            restarted.terminate();
        }
    }

    private static void produce(TributaryClient client, String name, AtomicBoolean running,
            ConcurrentMap<String, Long> acked, CountDownLatch enoughAcked) {
        ProducerOptions options = ProducerOptions.defaults().withDeliveryTimeout(Duration.ofSeconds(5));
        try (Producer producer = client.producer(TOPIC, options)) {
            for (int sequence = 0; running.get(); sequence++) {
                String value = name + "-" + sequence;
                try {
                    producer.sendAsync(Record.of(value.getBytes(StandardCharsets.UTF_8), System.currentTimeMillis()))
                            .whenComplete((result, error) -> {
                                if (error == null) {
                                    acked.put(value, result.offset());
                                    enoughAcked.countDown();
                                }
                            });
                } catch (RuntimeException closedOrFull) {
                    return;
                }
            }
            producer.close(Duration.ofSeconds(1));
        } catch (RuntimeException expectedAfterTheKill) {
            // the broker is gone: unacknowledged records fail, which is allowed
        }
    }

    private static Map<Long, String> readAll(TributaryClient client) {
        Map<Long, String> log = new java.util.LinkedHashMap<>();
        long end = client.endOffset(TOPIC, 0);
        long next = 0;
        while (next < end) {
            ReadResult read = client.read(TOPIC, 0, next, 10_000, Duration.ZERO);
            for (int i = 0; i < read.records().size(); i++) {
                log.put(read.offsetOf(i), new String(read.records().get(i).value(), StandardCharsets.UTF_8));
            }
            next = read.nextOffset();
        }
        return log;
    }
}
