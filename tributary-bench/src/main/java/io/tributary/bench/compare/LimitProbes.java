package io.tributary.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limits measured in the same run, so each result reads as a fraction of what the machine
 * allows: the disk (the existing {@code DiskProbe}, in a child JVM: sequential 256 KiB writes, each followed
 * by an fdatasync) and loopback TCP (one connection, 128 KiB writes, blocking I/O).
 */
final class LimitProbes {

    /**
     * What the probes measured; NaN where a probe was skipped or failed.
     *
     * @param diskMbPerSec      256 KiB + fdatasync writes, growing the file (what a log does), MB/s
     * @param diskFsyncP99Ms    fdatasync p99
     * @param loopbackMbPerSec  one TCP connection on 127.0.0.1, MB/s
     * @param diskCommand       the command that measured the disk
     */
    record Limits(double diskMbPerSec, double diskFsyncP99Ms, double loopbackMbPerSec, String diskCommand) {
        static final Limits NONE = new Limits(Double.NaN, Double.NaN, Double.NaN, "");
    }

    private LimitProbes() {
    }

    /** Runs both probes for {@code seconds} each; the disk one writes in {@code directory}. */
    static Limits measure(Path directory, int seconds) {
        if (seconds == 0) {
            return Limits.NONE;
        }
        double disk = Double.NaN;
        double fsyncP99 = Double.NaN;
        String diskCommand = "tributary-bench/run disk-probe --seconds " + seconds + " --dir " + directory + " --output json";
        try {
            JsonNode json = diskProbe(directory, seconds);
            JsonNode growing = json.get("growingMbPerSec");
            disk = growing != null && !growing.isNull() ? growing.asDouble() : json.get("mbPerSec").asDouble();
            fsyncP99 = json.path("fsyncP99Ms").asDouble(Double.NaN);
        } catch (IOException e) {
            System.err.println("compare: the disk probe failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double loopback = Double.NaN;
        try {
            loopback = loopbackMbPerSec(Duration.ofSeconds(seconds));
        } catch (IOException e) {
            System.err.println("compare: the loopback probe failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Limits(disk, fsyncP99, loopback, diskCommand);
    }

    private static JsonNode diskProbe(Path directory, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(directory, "disk-probe-", ".log");
        try {
            PeerProcess.runToEnd(List.of(PeerProcess.javaCommand(), "-cp", System.getProperty("java.class.path"),
                    "io.tributary.bench.probe.DiskProbe", "--seconds", String.valueOf(seconds), "--dir", directory.toString(),
                    "--output", "json"), directory, log, Duration.ofSeconds(seconds + 120L));
            List<String> lines = Files.readAllLines(log);
            return new ObjectMapper().readTree(lines.getLast());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Streams 128 KiB writes over one loopback connection for {@code duration}; returns MB/s received. */
    static double loopbackMbPerSec(Duration duration) throws IOException, InterruptedException {
        AtomicLong received = new AtomicLong();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread reader = Thread.ofPlatform().name("loopback-probe-reader").start(() -> {
                try (Socket socket = server.accept(); InputStream in = socket.getInputStream()) {
                    byte[] buffer = new byte[128 * 1024];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        received.addAndGet(n);
                    }
                } catch (IOException e) {
                    System.err.println("compare: loopback probe reader: " + e.getMessage());
                }
            });
            byte[] chunk = new byte[128 * 1024];
            new java.util.SplittableRandom(1).nextBytes(chunk);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                    OutputStream out = socket.getOutputStream()) {
                while (System.nanoTime() < end) {
                    out.write(chunk);
                }
            }
            reader.join();
            return received.get() / ((System.nanoTime() - start) / 1e9) / 1e6;
        }
    }
}
