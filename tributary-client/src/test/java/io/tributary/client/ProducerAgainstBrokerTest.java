package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.Record;
import io.tributary.api.TopicNotFoundException;
import io.tributary.api.config.ByteSize;
import io.tributary.format.RecordBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batching producer against a real broker. */
class ProducerAgainstBrokerTest {

    @TempDir
    Path data;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
    }

    @Test
    void send_blocksUntilAcknowledged_andSaysWhereTheRecordLanded() {
        RunningBroker broker = broker();
        TributaryClient client = connect(broker.url());
        client.createTopic("orders", 1, Map.of());
        Producer producer = track(client.producer("orders"));

        SendResult<Void> first = producer.send(value("first"));
        SendResult<Void> second = producer.send(value("second"));

        assertThat(first).isEqualTo(new SendResult<Void>("orders", 0, 0, null));
        assertThat(second.offset()).isEqualTo(1);
        assertThat(client.endOffset("orders", 0)).isEqualTo(2);
    }

    @Test
    void sendAsync_completesWithTheCallersReference() throws Exception {
        TributaryClient client = connect(broker().url());
        Producer producer = track(client.producer("orders"));

        CompletableFuture<SendResult<String>> sent = producer.sendAsync(value("payload"), "message-42");

        SendResult<String> result = sent.get(10, TimeUnit.SECONDS);
        assertThat(result.reference()).isEqualTo("message-42");
        assertThat(text(client.read("orders", result.partition(), result.offset(), 1, Duration.ZERO).records()))
                .containsExactly("payload");
    }

    @Test
    void concurrentSenders_areCoalescedIntoFewerBatchesThanRecords() throws Exception {
        RunningBroker broker = broker();
        TributaryClient client = connect(broker.url());
        client.createTopic("metrics", 1, Map.of());
        Producer producer = track(client.producer("metrics", ProducerOptions.defaults().withLinger(Duration.ofMillis(20))));
        int threads = 8;
        int perThread = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<SendResult<Void>>> results = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<List<CompletableFuture<SendResult<Void>>>>> submitted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                submitted.add(senders.submit(() -> {
                    start.await();
                    List<CompletableFuture<SendResult<Void>>> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(producer.sendAsync(value("t" + thread + "-" + i)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (var future : submitted) {
                results.addAll(future.get(10, TimeUnit.SECONDS));
            }
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        List<RecordBatch> batches = RawBatches.of(broker.address(), "metrics", 0);
        assertThat(results).extracting(f -> f.join().offset()).doesNotHaveDuplicates()
                .allMatch(offset -> offset >= 0 && offset < threads * perThread);
        assertThat(batches.stream().mapToInt(RecordBatch::recordCount).sum()).isEqualTo(threads * perThread);
        assertThat(batches).as("records of concurrent senders share batches").hasSizeLessThan(threads * perThread / 4);
        assertThat(batches).allSatisfy(batch -> assertThat(batch.header().hasProducerId()).isTrue());
    }

    @Test
    void recordsOfOnePartition_areAppendedInTheOrderTheyWereSent_withManyBatchesInFlight() throws Exception {
        TributaryClient client = connect(broker().url());
        client.createTopic("ledger", 3, Map.of());
        Producer producer = track(client.producer("ledger", ProducerOptions.defaults()
                .withBatchBytes(ByteSize.ofBytes(512)).withLinger(Duration.ZERO.plusMillis(1))));
        List<CompletableFuture<SendResult<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add(producer.sendAsync(Record.of(bytes("account-7"), bytes(Integer.toString(i)), now())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        int partition = sent.getFirst().join().partition();
        List<String> read = new ArrayList<>();
        long offset = 0;
        while (read.size() < 500) {
            ReadResult result = client.read("ledger", partition, offset, 1000, Duration.ofSeconds(1));
            read.addAll(text(result.records()));
            offset = result.nextOffset();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(Integer.toString(i));
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void lostAnswer_isRetried_andTheLogKeepsOneCopyAtTheOriginalOffsets() throws Exception {
        RunningBroker broker = broker();
        DroppingProxy proxy = track(DroppingProxy.to(broker.address()));
        TributaryClient client = connect(ConnectionString.SCHEME + proxy.node());
        client.createTopic("payments", 1, Map.of());
        Producer producer = track(client.producer("payments", ProducerOptions.defaults()
                .withLinger(Duration.ofMillis(50)).withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(100))));
        proxy.dropNextProduceAnswers(1);

        List<CompletableFuture<SendResult<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(producer.sendAsync(value("payment-" + i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

        assertThat(proxy.dropped()).isEqualTo(1);
        assertThat(sent).extracting(f -> f.join().offset()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        ReadResult read = client.read("payments", 0, 0, 100, Duration.ZERO);
        assertThat(read.records()).hasSize(10);
        assertThat(RawBatches.of(broker.address(), "payments", 0)).as("the retry was not written again").hasSize(1);
    }

    @Test
    void manyLostAnswers_withBatchesInFlight_stillLeaveEachRecordOnceAndInOrder() throws Exception {
        RunningBroker broker = broker();
        DroppingProxy proxy = track(DroppingProxy.to(broker.address()));
        TributaryClient client = connect(ConnectionString.SCHEME + proxy.node());
        client.createTopic("ledger", 3, Map.of());
        Producer producer = track(client.producer("ledger", ProducerOptions.defaults()
                .withBatchBytes(ByteSize.ofBytes(300)).withLinger(Duration.ofMillis(1))
                .withRetryBackoff(Duration.ofMillis(5), Duration.ofMillis(50))));
        proxy.dropEveryNthProduceAnswer(7);
        int accounts = 6;
        int perAccount = 300;

        List<CompletableFuture<SendResult<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < perAccount; i++) {
            for (int account = 0; account < accounts; account++) {
                sent.add(producer.sendAsync(Record.of(bytes("account-" + account), bytes(account + ":" + i), now())));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        proxy.dropEveryNthProduceAnswer(0);

        assertThat(proxy.dropped()).isGreaterThan(3);
        List<String> all = new ArrayList<>();
        for (int partition = 0; partition < 3; partition++) {
            long offset = 0;
            long end = client.endOffset("ledger", partition);
            while (offset < end) {
                ReadResult read = client.read("ledger", partition, offset, 10_000, Duration.ZERO);
                all.addAll(text(read.records()));
                offset = read.nextOffset();
            }
        }
        assertThat(all).hasSize(accounts * perAccount).doesNotHaveDuplicates();
        for (int account = 0; account < accounts; account++) {
            String prefix = account + ":";
            List<String> ofAccount = all.stream().filter(v -> v.startsWith(prefix)).toList();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < perAccount; i++) {
                expected.add(prefix + i);
            }
            assertThat(ofAccount).as("records of account %d in send order", account).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void brokerRestart_whileSending_leavesEachRecordOnceAndInOrder() throws Exception {
        RunningBroker broker = broker();
        TributaryClient client = connect(broker.url());
        client.createTopic("ledger", 2, Map.of());
        Producer producer = track(client.producer("ledger", ProducerOptions.defaults()
                .withBatchBytes(ByteSize.ofKibibytes(1)).withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(200))));
        List<CompletableFuture<SendResult<Void>>> sent = new ArrayList<>();

        for (int i = 0; i < 1000; i++) {
            if (i == 400) {
                broker.stop();
            }
            if (i == 600) {
                broker.restart();
            }
            sent.add(producer.sendAsync(Record.of(bytes("account-" + (i % 4)), bytes((i % 4) + ":" + i), now())));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        List<String> all = new ArrayList<>();
        for (int partition = 0; partition < 2; partition++) {
            ReadResult read = client.read("ledger", partition, 0, 10_000, Duration.ZERO);
            all.addAll(text(read.records()));
        }
        assertThat(all).hasSize(1000).doesNotHaveDuplicates();
        for (int account = 0; account < 4; account++) {
            String prefix = account + ":";
            List<Integer> order = all.stream().filter(v -> v.startsWith(prefix))
                    .map(v -> Integer.parseInt(v.substring(prefix.length()))).toList();
            assertThat(order).as("account %d in send order", account).isSorted();
        }
    }

    @Test
    void lostAnswer_withoutIdempotence_isWrittenTwice() throws Exception {
        RunningBroker broker = broker();
        DroppingProxy proxy = track(DroppingProxy.to(broker.address()));
        TributaryClient client = connect(ConnectionString.SCHEME + proxy.node());
        client.createTopic("payments", 1, Map.of());
        Producer producer = track(client.producer("payments", ProducerOptions.defaults().withIdempotent(false)
                .withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(100))));
        proxy.dropNextProduceAnswers(1);

        producer.send(value("once"));

        assertThat(text(client.read("payments", 0, 0, 100, Duration.ZERO).records())).containsExactly("once", "once");
    }

    @Test
    void close_sendsWhatItCanAndFailsTheRestWithBatcherClosed() throws Exception {
        RunningBroker broker = broker();
        TributaryClient client = connect(broker.url());
        client.createTopic("orders", 1, Map.of());
        Producer producer = client.producer("orders", ProducerOptions.defaults()
                .withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(50)));
        producer.send(value("before the outage"));
        broker.stop();

        CompletableFuture<SendResult<Void>> leftover = producer.sendAsync(value("during the outage"));
        producer.close(Duration.ofMillis(300));

        assertThatThrownBy(() -> leftover.get(5, TimeUnit.SECONDS)).cause()
                .isInstanceOf(BatcherClosedException.class)
                .hasMessageContaining("closed before the record was acknowledged");
        assertThatThrownBy(() -> producer.sendAsync(value("after close")))
                .isInstanceOf(BatcherClosedException.class)
                .hasMessageContaining("records sent after close() are refused");
    }

    @Test
    void flush_sendsWithoutWaitingForLinger_andReturnsOnceEverythingIsAcknowledged() {
        TributaryClient client = connect(broker().url());
        Producer producer = track(client.producer("slow", ProducerOptions.defaults().withLinger(Duration.ofSeconds(20))));
        List<CompletableFuture<SendResult<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(producer.sendAsync(value("r" + i)));
        }

        producer.flush();

        assertThat(sent).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
    }

    @Test
    void unknownTopic_withAutoCreateOff_failsTheRecordsWithTopicNotFound() {
        TributaryClient client = connect(track(RunningBroker.start(data, config -> config.withAutoCreateTopics(false))).url());
        Producer producer = track(client.producer("missing"));

        assertThatThrownBy(() -> producer.send(value("x")))
                .isInstanceOf(TopicNotFoundException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void unknownTopic_withAutoCreateOn_isCreatedByTheFirstRecord_andTheRestFollow() throws Exception {
        TributaryClient client = connect(broker().url());
        Producer producer = track(client.producer("fresh"));

        List<CompletableFuture<SendResult<Void>>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(producer.sendAsync(value("r" + i)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

        assertThat(sent).extracting(f -> f.join().offset()).doesNotHaveDuplicates();
        assertThat(text(client.read("fresh", 0, 0, 100, Duration.ZERO).records())).hasSize(20).startsWith("r0");
    }

    @Test
    void brokerAway_recordsFailWithTimedOutAfterTheDeliveryTimeout() {
        RunningBroker broker = broker();
        TributaryClient client = connect(broker.url());
        client.createTopic("orders", 1, Map.of());
        Producer producer = track(client.producer("orders", ProducerOptions.defaults()
                .withDeliveryTimeout(Duration.ofMillis(700)).withRetryBackoff(Duration.ofMillis(20), Duration.ofMillis(100))));
        broker.stop();

        assertThatThrownBy(() -> producer.send(value("lost")))
                .isInstanceOf(TimedOutException.class)
                .hasMessageContaining("tributary.producer.delivery-timeout");
    }

    @Test
    void fullBuffer_withFailPolicy_refusesTheRecordNamingTheLimitAndTheSetting() {
        RunningBroker broker = broker();
        TributaryClient client = connect(broker.url());
        client.createTopic("orders", 1, Map.of());
        Producer producer = track(client.producer("orders", ProducerOptions.defaults()
                .withBatchBytes(ByteSize.ofKibibytes(1)).withBufferBytes(ByteSize.ofKibibytes(4))
                .withWhenFull(ProducerOptions.WhenFull.FAIL).withDeliveryTimeout(Duration.ofSeconds(1))));
        broker.stop();
        byte[] kibibyte = new byte[1000];

        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                producer.sendAsync(Record.of(kibibyte, now()));
            }
        }).isInstanceOf(BatcherFullException.class)
                .hasMessageContaining("tributary.producer.buffer-bytes = 4KiB");
    }

    private RunningBroker broker() {
        return track(RunningBroker.start(data));
    }

    private TributaryClient connect(String url) {
        return track(TributaryClient.connect(url, ClientOptions.defaults().withCallTimeout(Duration.ofSeconds(5))
                .withConnectTimeout(Duration.ofSeconds(1))));
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    private static Record value(String value) {
        return Record.of(bytes(value), now());
    }

    /** Record timestamps are the producer's clock; retention deletes segments of old ones, so use now. */
    private static long now() {
        return System.currentTimeMillis();
    }

    private static List<String> text(List<Record> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
