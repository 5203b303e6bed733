package io.tributary.internal.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.BusOptions;
import io.tributary.StartPosition;
import io.tributary.event.Event;
import io.tributary.internal.Fetched;
import io.tributary.internal.PartitionReader;
import io.tributary.internal.Transport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process publishing to a {@code file:} bus is killed with SIGKILL mid-stream (no shutdown hook, nothing
 * flushed by the JVM): after reopening the directory, every event whose publish had completed is there,
 * at the position its publish reported, each event once, and the events of each key in publish order.
 */
class FileBusCrashTest {

    private static final String TOPIC = "crash";
    private static final int ACKED_BEFORE_KILL = 3_000;

    @TempDir
    Path data;

    @Test
    void everyCompletedPublish_survivesSigkill_atItsPosition_inOrder_once() throws Exception {
        Map<String, String> acked = new ConcurrentHashMap<>(); // data -> "partition offset"
        Process child = startPublisher();
        try {
            CountDownLatch enough = new CountDownLatch(ACKED_BEFORE_KILL);
            List<String> otherOutput = Collections.synchronizedList(new ArrayList<>());
            Thread reader = Thread.ofPlatform().start(() -> readOutput(child, acked, enough, otherOutput));
            boolean reached = enough.await(90, TimeUnit.SECONDS);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(Duration.ofSeconds(30));
            assertThat(reached).as("acked publishes before the timeout; the child printed %s", otherOutput).isTrue();
        } finally {
            child.destroyForcibly();
        }

        Map<String, String> stored = new HashMap<>(); // data -> "partition offset"
        Map<String, Integer> lastSequenceOfKey = new HashMap<>();
        Set<String> ids = new HashSet<>();
        try (Transport reopened = EmbeddedTransport.open(data, BusOptions.defaults())) {
            int partitions = reopened.partitions(TOPIC);
            assertThat(partitions).isEqualTo(CrashingPublisher.PARTITIONS);
            for (int partition = 0; partition < partitions; partition++) {
                try (PartitionReader reader = reopened.reader(TOPIC, partition, StartPosition.earliest())) {
                    for (Fetched fetched = reader.next(1024, Duration.ofMillis(50)); !fetched.isEmpty();
                            fetched = reader.next(1024, Duration.ofMillis(50))) {
                        for (int i = 0; i < fetched.count(); i++) {
                            Event event = fetched.events()[i];
                            String text = new String(event.data(), StandardCharsets.UTF_8);
                            assertThat(ids.add(event.id())).as("event %s stored once", text).isTrue();
                            assertThat(stored.put(text, partition + " " + fetched.offsets()[i])).as("%s stored once", text)
                                    .isNull();
                            int sequence = Integer.parseInt(text.substring(text.indexOf(':') + 1));
                            Integer previous = lastSequenceOfKey.put(event.partitionkey(), sequence);
                            assertThat(previous == null || previous < sequence)
                                    .as("%s after sequence %s of key %s", text, previous, event.partitionkey()).isTrue();
                        }
                    }
                }
            }
        }
        System.out.printf("killed after %d completed publishes; %d events stored%n", acked.size(), stored.size());
        assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);
        acked.forEach((text, position) -> assertThat(stored.get(text)).as("acked event %s at %s", text, position)
                .isEqualTo(position));
    }

    private Process startPublisher() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CrashingPublisher.class.getName(), data.toString(), TOPIC)
                .redirectErrorStream(true).start();
    }

    private static void readOutput(Process child, Map<String, String> acked, CountDownLatch enough, List<String> other) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                String[] fields = line.split(" ");
                if (fields.length == 5 && fields[0].equals("acked") && fields[4].equals(".")) {
                    acked.put(fields[1], fields[2] + " " + fields[3]);
                    enough.countDown();
                } else if (other.size() < 50) {
                    other.add(line);
                }
            }
        } catch (IOException e) {
            // the child died; what was read is what it printed
        }
    }
}
