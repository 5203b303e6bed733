package io.tributary.bench.compare;

import java.util.List;

/**
 * One system seen through its standard Java client, reduced to what the workloads need: a topic with
 * partitions, senders and receivers. Every sender and receiver opens its own connection, as separate
 * producer and consumer processes would.
 *
 * <p>Not thread-safe for topic administration (the runner calls it from one thread); each sender is used by
 * one producer thread; each receiver runs on a thread (or a client dispatcher) of its own.
 */
interface PeerClient extends AutoCloseable {

    /** Creates a topic (Kafka topic, NATS stream, Redis streams, Tributary topic) with the run's durability. */
    void createTopic(String topic, int partitions) throws Exception;

    /** Deletes the topic and its records, so the next workload starts on an empty disk. */
    void deleteTopic(String topic, int partitions) throws Exception;

    /**
     * A sender to {@code topic}, with the client's own batching.
     *
     * @param lowLatency the fixed-rate workload: a short linger (1 ms) where the client has one
     * @param acks       told of every acknowledgement (per the durability: after the fsync in fsync mode),
     *                   on a thread of the client's
     */
    RecordSender sender(String topic, int partitions, boolean lowLatency, AckListener acks) throws Exception;

    /**
     * Starts reading {@code partitions} of {@code topic} from the beginning, handing each record value to
     * {@code handler} on one thread, until closed.
     */
    RecordReceiver receiver(String topic, int partitionCount, List<Integer> partitions, ValueHandler handler)
            throws Exception;

    @Override
    void close() throws Exception;

    /** Acknowledgements of one sender's records. Called on a client thread; keep it short. */
    interface AckListener {
        void acked(int records);

        void failed(Throwable error);
    }

    /** Record values as a receiver reads them; called on the receiver's one thread. */
    interface ValueHandler {
        /** @param receivedNanos {@link System#nanoTime()} when the read returned */
        void onValue(byte[] value, long receivedNanos);
    }

    /** Sends records; used by one thread. */
    interface RecordSender extends AutoCloseable {

        /** Queues one record; blocks while the client's bounded window or buffer is full. */
        void send(byte[] value) throws Exception;

        /** The producer is about to wait for its next paced send: a pipelining client sends what it holds. */
        default void idle() throws Exception {
        }

        /** Sends everything queued and waits until it is acknowledged or failed. */
        void flush() throws Exception;

        @Override
        void close() throws Exception;
    }

    /** A running reader; {@link #close()} stops it and waits for its thread. */
    interface RecordReceiver extends AutoCloseable {
        @Override
        void close() throws Exception;
    }
}
