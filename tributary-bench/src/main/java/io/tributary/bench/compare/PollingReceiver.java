package io.tributary.bench.compare;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A receiver for clients that are polled (Kafka, Tributary, Redis): one platform thread calls
 * {@link Poller#pollOnce()} until closed. Each poll must block for at most a short, bounded time when
 * nothing arrives (a long poll), so the loop never spins and stops promptly.
 */
final class PollingReceiver implements PeerClient.RecordReceiver {

    /** One client's read loop body. */
    interface Poller extends AutoCloseable {
        /** Reads what is there, waiting a bounded time (≤ ~100 ms) when nothing is. */
        void pollOnce() throws Exception;

        @Override
        void close() throws Exception;
    }

    private final Poller poller;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private PollingReceiver(String name, Poller poller) {
        this.poller = poller;
        this.thread = Thread.ofPlatform().name(name).unstarted(this::loop);
    }

    static PollingReceiver start(String name, Poller poller) {
        PollingReceiver receiver = new PollingReceiver(name, poller);
        receiver.thread.start();
        return receiver;
    }

    private void loop() {
        try {
            while (running) {
                poller.pollOnce();
            }
        } catch (Throwable e) {
            if (running) {
                failure.set(e);
            }
        }
    }

    /** Stops the loop, waits for it, closes the client; rethrows what the loop failed with. */
    @Override
    public void close() throws Exception {
        running = false;
        thread.join(30_000);
        poller.close();
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("reader " + thread.getName() + " failed: " + error, error);
        }
    }
}
