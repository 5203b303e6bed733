package io.tributary.log.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * An in-memory {@link Storage} that models what a machine crash does to files, so tests can prove
 * that acked means durable (a {@code kill -9} never drops the page cache, so it proves nothing).
 *
 * <ul>
 *   <li>Writes and truncations land in a file's current content; {@link StorageFile#force()} makes
 *       the current content durable.</li>
 *   <li>Creating, renaming or deleting a name is durable only after {@link #syncDirectory(Path)}.</li>
 *   <li>{@link #crash(Crash, Random)} throws away what is not durable: every file reverts to its
 *       durable content, with (depending on the {@link Crash}) some of its unforced writes replayed and
 *       the next one torn; every name reverts to the last synced directory. Handles opened before the
 *       crash fail with {@link IOException} from then on, as if the process had died with the machine.</li>
 * </ul>
 *
 * <p>Thread-safe (one lock for everything; it is a test double, not a fast one).
 */
public final class SimulatedCrashStorage implements Storage {

    /** What survives of unforced writes when the machine crashes. */
    public enum Crash {
        /** Nothing unforced survives. */
        DROP_UNFORCED,
        /** A random prefix of the unforced writes survives, the next one cut at a random byte. */
        TEAR_LAST_WRITE,
        /** Like {@link #TEAR_LAST_WRITE}, but the torn write's missing bytes read as zeros (the size grew first). */
        TEAR_WITH_ZEROS
    }

    private final Map<Path, Node> current = new HashMap<>();
    private final Map<Path, Node> durable = new HashMap<>();
    private final Set<Path> directories = new HashSet<>();
    private int generation;
    private long forces;
    private volatile long forceDelayNanos;

    /** One file's bytes: what is durable, what is current, and the writes in between. */
    private static final class Node {
        byte[] durableBytes = new byte[0];
        byte[] bytes = new byte[0];
        int size;
        final List<Op> unforced = new ArrayList<>();

        void write(ByteBuffer source, long position) {
            int length = source.remaining();
            int end = Math.toIntExact(position + length);
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
            }
            byte[] data = new byte[length];
            source.get(data);
            System.arraycopy(data, 0, bytes, (int) position, length);
            size = Math.max(size, end);
            unforced.add(new Op((int) position, data, -1));
        }

        void truncate(long newSize) {
            if (newSize < size) {
                Arrays.fill(bytes, (int) newSize, size, (byte) 0);
                size = (int) newSize;
            }
            unforced.add(new Op(0, null, (int) newSize));
        }

        void force() {
            durableBytes = Arrays.copyOf(bytes, size);
            unforced.clear();
        }

        /** Reverts to the durable content plus what {@code crash} lets survive. */
        void crash(Crash crash, Random random) {
            byte[] survivor = durableBytes;
            int survivorSize = durableBytes.length;
            if (crash != Crash.DROP_UNFORCED && !unforced.isEmpty()) {
                int kept = random.nextInt(unforced.size() + 1);
                survivor = Arrays.copyOf(durableBytes, Math.max(durableBytes.length, capacityFor(kept)));
                for (int i = 0; i < kept && i <= unforced.size(); i++) {
                    Op op = unforced.get(i);
                    boolean torn = i == kept - 1 && random.nextBoolean();
                    survivorSize = op.applyTo(survivor, survivorSize, torn, crash == Crash.TEAR_WITH_ZEROS, random);
                }
            }
            bytes = Arrays.copyOf(survivor, Math.max(survivorSize, 16));
            size = survivorSize;
            Arrays.fill(bytes, size, bytes.length, (byte) 0);
            durableBytes = Arrays.copyOf(bytes, size);
            unforced.clear();
        }

        private int capacityFor(int kept) {
            int capacity = durableBytes.length;
            for (int i = 0; i < kept; i++) {
                Op op = unforced.get(i);
                if (op.data != null) {
                    capacity = Math.max(capacity, op.position + op.data.length);
                }
            }
            return capacity;
        }
    }

    /** An unforced write ({@code data} != null) or truncation. */
    private record Op(int position, byte[] data, int truncateTo) {
        int applyTo(byte[] target, int size, boolean torn, boolean zeros, Random random) {
            if (data == null) {
                return Math.min(size, truncateTo);
            }
            int length = torn ? random.nextInt(data.length + 1) : data.length;
            System.arraycopy(data, 0, target, position, length);
            int end = position + (torn && zeros ? data.length : length);
            if (torn && zeros) {
                Arrays.fill(target, position + length, end, (byte) 0);
            }
            return Math.max(size, end);
        }
    }

    /** A handle; dead after a crash. */
    private final class Handle implements StorageFile {
        private final Path path;
        private final Node node;
        private final int openedIn;
        private boolean closed;

        Handle(Path path, Node node) {
            this.path = path;
            this.node = node;
            this.openedIn = generation;
        }

        private void check() throws IOException {
            if (openedIn != generation) {
                throw new IOException("simulated crash: " + path + " was opened before the machine went down");
            }
            if (closed) {
                throw new java.nio.channels.ClosedChannelException();
            }
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public long size() throws IOException {
            synchronized (SimulatedCrashStorage.this) {
                check();
                return node.size;
            }
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            synchronized (SimulatedCrashStorage.this) {
                check();
                node.write(source, position);
            }
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            synchronized (SimulatedCrashStorage.this) {
                check();
                int available = (int) Math.max(0, Math.min(target.remaining(), node.size - position));
                target.put(node.bytes, (int) position, available);
                return available;
            }
        }

        @Override
        public void force() throws IOException {
            long delay = forceDelayNanos;
            if (delay > 0) {
                // A disk's fsync latency; taken outside the lock so writes go on meanwhile, as on a real disk.
                java.util.concurrent.locks.LockSupport.parkNanos(delay);
            }
            synchronized (SimulatedCrashStorage.this) {
                check();
                node.force();
                forces++;
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (SimulatedCrashStorage.this) {
                check();
                node.truncate(size);
            }
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            ByteBuffer bytes = ByteBuffer.allocate((int) count);
            read(bytes, position);
            bytes.flip();
            long sent = 0;
            while (bytes.hasRemaining()) {
                sent += target.write(bytes);
            }
            return sent;
        }

        @Override
        public void close() {
            synchronized (SimulatedCrashStorage.this) {
                closed = true;
            }
        }
    }

    @Override
    public synchronized StorageFile open(Path file, boolean create) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Node node = current.get(key);
        if (node == null) {
            if (!create) {
                throw new NoSuchFileException(file.toString());
            }
            if (!directories.contains(key.getParent())) {
                throw new NoSuchFileException(key.getParent() + " (directory)");
            }
            node = new Node();
            current.put(key, node);
        }
        return new Handle(key, node);
    }

    @Override
    public synchronized boolean exists(Path path) {
        Path key = path.toAbsolutePath().normalize();
        return current.containsKey(key) || directories.contains(key);
    }

    @Override
    public synchronized boolean isDirectory(Path path) {
        return directories.contains(path.toAbsolutePath().normalize());
    }

    @Override
    public synchronized List<Path> list(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        return current.keySet().stream().filter(path -> key.equals(path.getParent())).toList();
    }

    @Override
    public synchronized void createDirectories(Path directory) {
        // Directories are durable at once: the log's own durability never rests on a new directory.
        for (Path p = directory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            directories.add(p);
        }
    }

    @Override
    public synchronized void delete(Path file) {
        current.remove(file.toAbsolutePath().normalize());
    }

    @Override
    public synchronized void move(Path source, Path target) throws IOException {
        Node node = current.remove(source.toAbsolutePath().normalize());
        if (node == null) {
            throw new NoSuchFileException(source.toString());
        }
        current.put(target.toAbsolutePath().normalize(), node);
    }

    @Override
    public synchronized void syncDirectory(Path directory) {
        Path key = directory.toAbsolutePath().normalize();
        durable.keySet().removeIf(path -> key.equals(path.getParent()));
        current.forEach((path, node) -> {
            if (key.equals(path.getParent())) {
                durable.put(path, node);
            }
        });
    }

    /** The machine goes down: see the class comment. */
    public synchronized void crash(Crash crash, Random random) {
        generation++;
        current.clear();
        current.putAll(durable);
        for (Node node : new HashSet<>(current.values())) {
            node.crash(crash, random);
        }
    }

    /** Makes every {@link StorageFile#force()} take {@code delay}, like a real disk's fsync. */
    public void forceDelay(java.time.Duration delay) {
        forceDelayNanos = delay.toNanos();
    }

    /** How many times any file was forced (to show that fsyncs are shared). */
    public synchronized long forceCount() {
        return forces;
    }

    /** Overwrites one byte in place, durably, as bit rot would. */
    public synchronized void corrupt(Path file, long position) throws IOException {
        Node node = current.get(file.toAbsolutePath().normalize());
        if (node == null) {
            throw new NoSuchFileException(file.toString());
        }
        node.bytes[(int) position] ^= 0x5A;
        node.force();
    }

    /** The current size of {@code file}. */
    public synchronized long sizeOf(Path file) throws IOException {
        Node node = current.get(file.toAbsolutePath().normalize());
        if (node == null) {
            throw new NoSuchFileException(file.toString());
        }
        return node.size;
    }
}
