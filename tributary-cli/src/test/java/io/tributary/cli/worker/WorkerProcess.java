package io.tributary.cli.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A worker in a JVM of its own: {@code java -cp <this JVM's classpath> io.tributary.cli.worker.WorkerMain ...}
 * running {@link RecordingHandlers}. Its stdout and stderr are kept, so tests can read what it logged.
 */
final class WorkerProcess implements AutoCloseable {

    private static final String READY = "worker of group ";
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final StringBuffer errors = new StringBuffer();
    private final CompletableFuture<String> ready = new CompletableFuture<>();
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private WorkerProcess(Process process) {
        this.process = process;
        stdoutReader = Thread.ofVirtual().name("worker-stdout-" + process.pid()).start(() -> drain(process, true));
        stderrReader = Thread.ofVirtual().name("worker-stderr-" + process.pid()).start(() -> drain(process, false));
    }

    /**
     * Starts a worker of {@code group} on {@code url}; returns at once (see {@link #awaitReady()}).
     *
     * @param out   where {@link RecordingHandlers} writes its lines
     * @param delay how long the handler takes per event
     */
    static WorkerProcess start(String url, String group, String topic, Path out, Duration delay, Duration shutdownTimeout)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED",
                "-D" + RecordingHandlers.OUT_PROPERTY + "=" + out,
                "-D" + RecordingHandlers.TOPIC_PROPERTY + "=" + topic,
                "-D" + RecordingHandlers.DELAY_PROPERTY + "=" + delay.toMillis() + "ms",
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                "--url", url, "--group", group, "--handlers", RecordingHandlers.class.getName(),
                "--shutdown-timeout", shutdownTimeout.toMillis() + "ms"));
        return new WorkerProcess(new ProcessBuilder(command).start());
    }

    /** Waits until the worker printed that it runs (it joined the group); returns that line. */
    String awaitReady() throws InterruptedException {
        try {
            return ready.get(START_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("worker " + pid() + " did not start within " + START_BOUND + "; stderr: " + errors);
        } catch (ExecutionException e) {
            throw new AssertionError("worker " + pid() + " exited before it ran (exit " + exitCodeOrAlive() + "); stdout: "
                    + output + "; stderr: " + errors);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What it printed on stderr so far: the worker's log lines (WARN and above) and its stop messages. */
    String stderr() {
        return errors.toString();
    }

    String stdout() {
        return output.toString();
    }

    /** SIGKILL, and waits until the process is gone: nothing runs after this returns, no shutdown hook ran. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("worker " + pid() + " still runs 30 s after SIGKILL");
        }
    }

    /**
     * SIGTERM, through the process handle: {@link Process#destroy()} would also close the pipes, and what the
     * worker prints while it stops would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /**
     * Waits for the process to end, and for what it printed to be read.
     *
     * @return its exit code
     * @throws AssertionError if it still runs after {@code bound}
     */
    int awaitExit(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("worker " + pid() + " still runs " + bound + " after SIGTERM; stderr: " + errors);
        }
        stdoutReader.join(Duration.ofSeconds(10));
        stderrReader.join(Duration.ofSeconds(10));
        return process.exitValue();
    }

    /** SIGSTOP: the JVM is frozen, heartbeats included, until {@link #resume()}. */
    void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        return "worker " + pid();
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid())).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill " + signal + " " + pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String exitCodeOrAlive() {
        return process.isAlive() ? "none yet" : Integer.toString(process.exitValue());
    }

    private void drain(Process process, boolean stdout) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                stdout ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                (stdout ? output : errors).append(line).append('\n');
                if (stdout && line.startsWith(READY)) {
                    ready.complete(line);
                }
            }
        } catch (IOException closed) {
            // the process is gone
        } finally {
            if (stdout) {
                ready.completeExceptionally(new IllegalStateException("stdout ended"));
            }
        }
    }
}
