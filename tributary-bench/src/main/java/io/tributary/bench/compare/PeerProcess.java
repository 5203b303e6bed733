package io.tributary.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer's server process: started with its output in a log file, waited for until its port accepts,
 * stopped with SIGTERM and, after a grace period, SIGKILL. Only processes started here are ever signalled.
 */
final class PeerProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final Process process;
    private final List<String> command;
    private final Path logFile;

    private PeerProcess(Process process, List<String> command, Path logFile) {
        this.process = process;
        this.command = List.copyOf(command);
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workingDirectory}, output (stdout and stderr) appended to {@code logFile}. */
    static PeerProcess start(List<String> command, Path workingDirectory, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        return new PeerProcess(process, command, logFile);
    }

    /** Runs {@code command} to its end (a setup step); @throws IOException with its output when it fails */
    static void runToEnd(List<String> command, Path workingDirectory, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        try (PeerProcess step = start(command, workingDirectory, logFile)) {
            if (!step.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(String.join(" ", command) + " did not finish within " + timeout + ":\n" + step.tail());
            }
            if (step.process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + step.process.exitValue() + ":\n"
                        + step.tail());
            }
        }
    }

    /** Blocks until {@code port} on 127.0.0.1 accepts a connection; @throws IOException if the process ends or time runs out */
    void awaitPort(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(command.getFirst() + " exited with " + process.exitValue() + " before listening on "
                        + port + ":\n" + tail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IOException(command.getFirst() + " did not listen on " + port + " within " + timeout + ":\n" + tail());
    }

    String commandLine() {
        return String.join(" ", command);
    }

    /** The last lines of the process's output, for error messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL after a grace of 20 s; waits for the process to end. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** A TCP port free on loopback right now (the OS picks it; a race with other processes is possible but rare). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** The java launcher of this JVM: every Java peer runs on the same JDK as the harness. */
    static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Finds an executable on PATH or in the sbin directories where Debian puts servers; null if absent. */
    static @org.jspecify.annotations.Nullable Path findExecutable(String name, String searchPath) {
        String path = searchPath + java.io.File.pathSeparator + "/usr/sbin:/usr/local/sbin:/sbin";
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
