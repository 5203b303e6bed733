package io.tributary.client.internal;

import io.tributary.client.ClusterMetadata;
import io.tributary.api.Record;
import io.tributary.api.TributaryException;
import io.tributary.api.config.ByteSize;
import io.tributary.client.BatcherClosedException;
import io.tributary.client.ClientOptions;
import io.tributary.client.Producer;
import io.tributary.client.ProducerOptions;
import io.tributary.client.RecordTooLargeException;
import io.tributary.client.SendResult;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Producer}: callers reserve buffer bytes and append to the {@link RecordAccumulator}; one
 * virtual sender thread ({@link ProduceSender}) sends what is ready and completes the futures.
 */
public final class BatchingProducer implements Producer {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingProducer.class);
    /** Room a one-record request needs beside the record: frame, request and batch headers, topic name. */
    private static final int REQUEST_OVERHEAD_BYTES = 1024;

    private final String topic;
    private final ProducerOptions options;
    private final Ticker ticker;
    private final BufferBudget budget;
    private final RecordAccumulator accumulator;
    private final Thread sender;
    private final long maxRecordBytes;
    private final Consumer<BatchingProducer> onClose;
    private volatile boolean closed;

    private BatchingProducer(String topic, ProducerOptions options, ClusterRouter router, ClientOptions clientOptions,
            RecordPartitioner partitioner, long producerId, Consumer<BatchingProducer> onClose) {
        this.topic = topic;
        this.options = options;
        this.ticker = router.ticker();
        this.onClose = onClose;
        this.budget = new BufferBudget(options.bufferBytes().bytes(), options.whenFull(), options.maxBlock());
        IntSupplier partitionCount = () -> router.view().topic(topic).map(ClusterMetadata.Topic::partitionCount).orElse(0);
        Backoff backoff = new Backoff(options.retryBackoff(), options.retryBackoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.accumulator = new RecordAccumulator(topic, options, producerId, ticker, backoff, partitionCount,
                partitioner, budget);
        this.maxRecordBytes = clientOptions.maxFrameBytes().bytes() - REQUEST_OVERHEAD_BYTES;
        ProduceSender loop = new ProduceSender(topic, accumulator, router, clientOptions.callTimeout(),
                options.waitForCommit());
        this.sender = Thread.ofVirtual().name("tributary-producer-" + topic).unstarted(loop);
    }

    /** Starts a producer for {@code topic} on {@code client}'s connections; {@code onClose} runs once it closed. */
    static BatchingProducer start(NetworkClient client, String topic, ProducerOptions options,
            Consumer<BatchingProducer> onClose) {
        Objects.requireNonNull(options, "options");
        long producerId = options.idempotent() ? new SecureRandom().nextLong() & Long.MAX_VALUE : -1;
        ClusterRouter router = client.router();
        try {
            router.route(topic, router.newDeadline()); // learn the partitions now, if the topic exists
        } catch (TributaryException e) {
            LOG.debug("metadata of {} not known yet: {}", topic, e.getMessage());
        }
        BatchingProducer producer = new BatchingProducer(topic, options, router, client.options(), client.partitioner(),
                producerId, onClose);
        producer.sender.start();
        return producer;
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public SendResult<Void> send(Record record) {
        CompletableFuture<SendResult<Void>> future = sendAsync(record);
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            throw ClusterRouter.rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for a record of " + topic + " to be acknowledged", e);
        }
    }

    @Override
    public CompletableFuture<SendResult<Void>> sendAsync(Record record) {
        return enqueue(record, null);
    }

    @Override
    public <T> CompletableFuture<SendResult<T>> sendAsync(Record record, T reference) {
        return enqueue(record, reference);
    }

    private <T> CompletableFuture<SendResult<T>> enqueue(Record record, T reference) {
        Objects.requireNonNull(record, "record");
        if (closed) {
            throw new BatcherClosedException("the producer for " + topic + " is closed; records sent after close() are refused");
        }
        PendingRecord<T> pending = new PendingRecord<>(record, reference,
                ticker.nanoTime() + Deadline.saturatedNanos(options.deliveryTimeout()));
        if (pending.bytes > maxRecordBytes) {
            throw new RecordTooLargeException("a record of about " + ByteSize.ofBytes(pending.bytes) + " does not fit a request"
                    + " of " + ClientOptions.MAX_FRAME_BYTES.name() + " = " + ByteSize.ofBytes(maxRecordBytes + REQUEST_OVERHEAD_BYTES)
                    + "; send smaller records, or raise it here and the broker's tributary.broker.max-request-bytes");
        }
        budget.reserve(pending.bytes);
        try {
            accumulator.append(pending);
        } catch (RuntimeException e) {
            budget.release(pending.bytes);
            throw e;
        }
        return pending.future;
    }

    @Override
    public void flush() {
        CompletableFuture<Void> everything = accumulator.beginFlush();
        try {
            everything.join();
        } finally {
            accumulator.endFlush();
        }
    }

    @Override
    public void close(Duration timeout) {
        closed = true;
        accumulator.close(ticker.nanoTime() + Deadline.saturatedNanos(timeout));
        budget.close();
        if (Thread.currentThread() == sender) {
            onClose.accept(this); // called from a record's completion: the sender ends after it returns
            return;
        }
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while closing the producer for " + topic, e);
        } finally {
            onClose.accept(this);
        }
    }

    @Override
    public void close() {
        close(options.deliveryTimeout());
    }

    @Override
    public String toString() {
        return "BatchingProducer[" + topic + ", " + (closed ? "closed" : "open") + ", " + budget.used() + " bytes buffered]";
    }
}
