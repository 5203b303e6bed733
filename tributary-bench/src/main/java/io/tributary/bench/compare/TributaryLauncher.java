package io.tributary.bench.compare;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Tributary's server as {@code ./tributary server} runs it: the built distribution's class path
 * ({@code tributary-cli/target/dist/lib/*}, which {@code tributary-bench/run} passes as
 * {@code -Dtributary.bench.dist}; this JVM's own class path otherwise, which holds the same classes), the same
 * JDK, no heap setting (the launcher sets none). Topics are created by the client with the durability.
 */
final class TributaryLauncher implements PeerLauncher {

    private final String classPath;

    TributaryLauncher(String classPath) {
        this.classPath = classPath;
    }

    static TributaryLauncher fromSystemProperties() {
        String dist = System.getProperty("tributary.bench.dist");
        return new TributaryLauncher(dist != null && !dist.isBlank() ? dist : System.getProperty("java.class.path"));
    }

    @Override
    public PeerSystem system() {
        return PeerSystem.TRIBUTARY;
    }

    @Override
    public Availability availability(DurabilityMode durability) {
        return Availability.AVAILABLE;
    }

    /** The server's arguments: {@code server --data D --host 127.0.0.1 --port P --http-port P2 --durability M}. */
    static List<String> serverArguments(Path dataDir, int port, int httpPort, DurabilityMode durability) {
        return List.of("server", "--data", dataDir.toString(), "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--http-port", String.valueOf(httpPort), "--durability", durability.id());
    }

    @Override
    public RunningPeer start(Path dataDir, DurabilityMode durability, Path logFile) throws Exception {
        int port = PeerProcess.freePort();
        int httpPort = PeerProcess.freePort();
        List<String> command = new ArrayList<>(List.of(PeerProcess.javaCommand(), "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath, "io.tributary.cli.TributaryCli"));
        command.addAll(serverArguments(dataDir, port, httpPort, durability));
        PeerProcess process = PeerProcess.start(command, dataDir, logFile);
        try {
            process.awaitPort(port, Duration.ofSeconds(60));
        } catch (Exception e) {
            process.close();
            throw e;
        }
        String connectionString = "tributary://127.0.0.1:" + port;
        return new RunningPeer() {
            @Override
            public PeerClient connect() {
                return new TributaryPeerClient(connectionString, durability);
            }

            @Override
            public String command() {
                return "./tributary " + String.join(" ", serverArguments(Path.of("DIR"), port, httpPort, durability));
            }

            @Override
            public void close() throws InterruptedException {
                process.close();
            }
        };
    }
}
