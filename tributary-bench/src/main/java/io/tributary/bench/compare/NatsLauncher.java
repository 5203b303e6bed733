package io.tributary.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * {@code nats-server -c FILE} with JetStream on a file store of its own ({@link #config}). fsync mode needs
 * {@code sync_interval: always}, which nats-server knows from 2.10 on; an older server (Debian bookworm has
 * 2.9.10) runs the os mode only and the fsync mode is skipped, with that reason.
 */
final class NatsLauncher implements PeerLauncher {

    private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private final @Nullable Path binary;
    private final @Nullable String version;

    NatsLauncher(@Nullable Path binary, @Nullable String version) {
        this.binary = binary;
        this.version = version;
    }

    /** Finds {@code nats-server} on PATH (and sbin) and asks it for its version. */
    static NatsLauncher locate() {
        Path binary = PeerProcess.findExecutable("nats-server", System.getenv().getOrDefault("PATH", ""));
        return new NatsLauncher(binary, binary == null ? null : versionOf(binary));
    }

    private static @Nullable String versionOf(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            Matcher matcher = VERSION.matcher(output);
            return matcher.find() ? matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Whether a server of {@code version} (e.g. 2.9.10) understands {@code sync_interval} (2.10 and later). */
    static boolean supportsSyncInterval(@Nullable String version) {
        if (version == null) {
            return false;
        }
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 2 || major == 2 && minor >= 10;
    }

    @Override
    public PeerSystem system() {
        return PeerSystem.NATS;
    }

    @Override
    public Availability availability(DurabilityMode durability) {
        if (binary == null) {
            return Availability.skipped("nats-server not found on PATH or in /usr/sbin (Debian: apt-get install nats-server)");
        }
        if (durability == DurabilityMode.FSYNC && !supportsSyncInterval(version)) {
            return Availability.skipped("nats-server " + (version == null ? "(unknown version)" : version)
                    + " has no 'sync_interval: always' (2.10+), so JetStream cannot fsync every write: no fsync-matched run");
        }
        return Availability.AVAILABLE;
    }

    /** The server's config file: loopback port, JetStream file store in {@code storeDir}, fsync per write in fsync mode. */
    static String config(int port, Path storeDir, DurabilityMode durability) {
        return "listen: 127.0.0.1:" + port + "\n"
                + "jetstream {\n"
                + "  store_dir: \"" + storeDir + "\"\n"
                + (durability == DurabilityMode.FSYNC ? "  sync_interval: always\n" : "")
                + "}\n";
    }

    @Override
    public RunningPeer start(Path dataDir, DurabilityMode durability, Path logFile) throws Exception {
        if (binary == null) {
            throw new IllegalStateException(availability(durability).skipReason());
        }
        int port = PeerProcess.freePort();
        Path configFile = dataDir.resolve("nats.conf");
        Files.writeString(configFile, config(port, dataDir.resolve("store"), durability));
        List<String> command = List.of(binary.toString(), "-c", configFile.toString());
        PeerProcess process = PeerProcess.start(command, dataDir, logFile);
        try {
            process.awaitPort(port, Duration.ofSeconds(30));
        } catch (Exception e) {
            process.close();
            throw e;
        }
        return new RunningPeer() {
            @Override
            public PeerClient connect() throws Exception {
                return new NatsPeerClient("nats://127.0.0.1:" + port);
            }

            @Override
            public String command() {
                return "nats-server -c nats.conf  # " + config(port, Path.of("DIR/store"), durability).replace('\n', ' ');
            }

            @Override
            public void close() throws InterruptedException {
                process.close();
            }
        };
    }
}
