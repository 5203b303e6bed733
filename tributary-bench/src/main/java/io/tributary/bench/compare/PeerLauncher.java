package io.tributary.bench.compare;

import java.nio.file.Path;

/**
 * Starts one system on loopback in a process of its own, on free ports, with its own data directory and a
 * fixed configuration. One launcher per system; the harness starts one system at a time.
 */
interface PeerLauncher {

    PeerSystem system();

    /** Whether the system can run in {@code durability} here; may resolve artifacts (Kafka) the first time. */
    Availability availability(DurabilityMode durability);

    /**
     * Starts the system and blocks until it accepts connections.
     *
     * @param dataDir an empty directory of its own
     * @param logFile where the process's output goes
     * @throws Exception naming the process's last output lines when it does not come up
     */
    RunningPeer start(Path dataDir, DurabilityMode durability, Path logFile) throws Exception;

    /** A started system; {@link #close()} stops its process (gracefully first) and waits for it. */
    interface RunningPeer extends AutoCloseable {

        /** A client for the workloads; the caller closes it before the peer. */
        PeerClient connect() throws Exception;

        /** The command line that started it, for the report. */
        String command();

        @Override
        void close() throws Exception;
    }
}
