package io.tributary.cli.server;

import io.tributary.cli.TributaryCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code tributary server} in a process of its own, started from this JVM's classpath. */
final class ServerProcess implements AutoCloseable {

    private static final String BINARY_LINE = "  binary  ";

    private final Process process;
    private final String url;

    private ServerProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** Starts a broker on free ports over {@code data} and waits until it says where it listens. */
    static ServerProcess start(Path data, String... extraArguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), TributaryCli.class.getName(),
                "server", "--data", data.toString(), "--port", "0", "--http-port", "0"));
        command.addAll(List.of(extraArguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith(BINARY_LINE)) {
                String url = line.substring(BINARY_LINE.length()).trim();
                Thread.ofVirtual().start(() -> output.lines().forEach(ignored -> { })); // keep the pipe drained
                return new ServerProcess(process, url);
            }
        }
        throw new IllegalStateException("the server exited without listening; it printed:\n" + seen);
    }

    String url() {
        return url;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown; returns the exit code. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not stop within 30 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
