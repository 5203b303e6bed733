package io.tributary.bench.compare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code redis-server} on a loopback port with its own directory, the append-only file on, and
 * {@code appendfsync always} (fsync before replying, once per event-loop turn) or {@code everysec} (os mode:
 * the AOF default); RDB snapshots off so that they do not compete for the disk.
 */
final class RedisLauncher implements PeerLauncher {

    private final @Nullable Path binary;

    RedisLauncher(@Nullable Path binary) {
        this.binary = binary;
    }

    static RedisLauncher locate() {
        return new RedisLauncher(PeerProcess.findExecutable("redis-server", System.getenv().getOrDefault("PATH", "")));
    }

    @Override
    public PeerSystem system() {
        return PeerSystem.REDIS;
    }

    @Override
    public Availability availability(DurabilityMode durability) {
        return binary == null
                ? Availability.skipped("redis-server not found on PATH or in /usr/sbin (Debian: apt-get install redis-server)")
                : Availability.AVAILABLE;
    }

    /** The server's arguments after the binary. */
    static List<String> arguments(int port, Path dir, DurabilityMode durability) {
        return List.of("--port", String.valueOf(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--appendonly", "yes", "--appendfsync", durability == DurabilityMode.FSYNC ? "always" : "everysec",
                "--save", "", "--daemonize", "no");
    }

    @Override
    public RunningPeer start(Path dataDir, DurabilityMode durability, Path logFile) throws Exception {
        if (binary == null) {
            throw new IllegalStateException(availability(durability).skipReason());
        }
        int port = PeerProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(arguments(port, dataDir, durability));
        PeerProcess process = PeerProcess.start(command, dataDir, logFile);
        try {
            process.awaitPort(port, Duration.ofSeconds(30));
        } catch (Exception e) {
            process.close();
            throw e;
        }
        return new RunningPeer() {
            @Override
            public PeerClient connect() {
                return new RedisPeerClient("127.0.0.1", port);
            }

            @Override
            public String command() {
                return "redis-server " + String.join(" ", arguments(port, Path.of("DIR"), durability))
                        .replace("--save  ", "--save '' ");
            }

            @Override
            public void close() throws InterruptedException {
                process.close();
            }
        };
    }
}
