package io.tributary.client.internal;

import io.tributary.api.TributaryException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.NodeAddress;
import io.tributary.client.TimedOutException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The client's connections, by node. Thread-safe.
 *
 * <p>Each node has one <em>shared</em> connection that carries every short request, pipelined. A read
 * that waits for records (long poll) would hold up every answer behind it, since a node answers in
 * request order; so it <em>borrows</em> a connection of its own ({@link #borrowForPoll}), which goes back
 * to a small idle set afterwards. At most {@value #MAX_POLL_CONNECTIONS_PER_NODE} are borrowed from one
 * node at a time; a further poll waits for one within its deadline.
 *
 * <p>A connection that closed is replaced on next use. Connecting happens on the caller's thread,
 * one connect per node at a time.
 */
public final class ConnectionPool implements AutoCloseable {

    /** Most connections borrowed for long polls from one node at once. */
    public static final int MAX_POLL_CONNECTIONS_PER_NODE = 32;
    private static final int MAX_IDLE_POLL_CONNECTIONS_PER_NODE = 4;

    private final ConnectionSettings settings;
    private final ScheduledExecutorService timer;
    private final Map<NodeAddress, NodeConnection> shared = new ConcurrentHashMap<>();
    private final Map<NodeAddress, ReentrantLock> connectLocks = new ConcurrentHashMap<>();
    private final Map<NodeAddress, Semaphore> pollPermits = new ConcurrentHashMap<>();
    private final ReentrantLock pollLock = new ReentrantLock();
    private final Map<NodeAddress, Deque<NodeConnection>> idlePollers = new HashMap<>(); // guarded by pollLock
    private final Set<NodeConnection> borrowed = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public ConnectionPool(ConnectionSettings settings, ScheduledExecutorService timer) {
        this.settings = settings;
        this.timer = timer;
    }

    /**
     * The shared connection to {@code node}, opened if there is none or the last one closed.
     *
     * @throws UnreachableNodeException if it cannot be opened
     * @throws TimedOutException        if another thread's connect to the node outlasts {@code deadline}
     */
    public NodeConnection connection(NodeAddress node, Deadline deadline) {
        NodeConnection current = shared.get(node);
        if (current != null && current.isOpen()) {
            return current;
        }
        ReentrantLock lock = connectLocks.computeIfAbsent(node, n -> new ReentrantLock());
        lockWithin(lock, deadline, node);
        try {
            current = shared.get(node);
            if (current != null && current.isOpen()) {
                return current;
            }
            NodeConnection opened = open(node, deadline);
            shared.put(node, opened);
            if (closed) { // close() ran while we connected
                opened.close();
                throw closedPool();
            }
            return opened;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A connection to {@code node} for the caller alone, for one long poll. Give it back with
     * {@link #giveBack}, in a {@code finally}.
     *
     * @throws UnreachableNodeException if a new connection cannot be opened
     * @throws TimedOutException        if {@value #MAX_POLL_CONNECTIONS_PER_NODE} polls already wait on the
     *                                  node past {@code deadline}
     */
    public NodeConnection borrowForPoll(NodeAddress node, Deadline deadline) {
        Semaphore permits = pollPermits.computeIfAbsent(node, n -> new Semaphore(MAX_POLL_CONNECTIONS_PER_NODE));
        try {
            if (!permits.tryAcquire(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimedOutException(MAX_POLL_CONNECTIONS_PER_NODE + " reads already wait for records on " + node
                        + "; this read found no connection within its timeout (use fewer concurrent long polls or "
                        + "shorter waits)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for a connection to " + node, e);
        }
        try {
            NodeConnection connection = takeIdle(node);
            if (connection == null) {
                connection = open(node, deadline);
            }
            borrowed.add(connection);
            if (closed) {
                borrowed.remove(connection);
                connection.close();
                throw closedPool();
            }
            return connection;
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a connection from {@link #borrowForPoll}; closed ones and extras are dropped. */
    public void giveBack(NodeConnection connection) {
        if (!borrowed.remove(connection)) {
            return;
        }
        pollPermits.get(connection.address()).release();
        if (!connection.isOpen() || closed) {
            connection.close();
            return;
        }
        pollLock.lock();
        try {
            Deque<NodeConnection> idle = idlePollers.computeIfAbsent(connection.address(), n -> new ArrayDeque<>());
            if (idle.size() < MAX_IDLE_POLL_CONNECTIONS_PER_NODE && !closed) {
                idle.push(connection);
                return;
            }
        } finally {
            pollLock.unlock();
        }
        connection.close();
    }

    /** Closes every connection; calls on them fail with {@link ConnectionLostException}. Idempotent. */
    @Override
    public void close() {
        closed = true;
        List<NodeConnection> all = new ArrayList<>(shared.values());
        shared.clear();
        pollLock.lock();
        try {
            idlePollers.values().forEach(all::addAll);
            idlePollers.clear();
        } finally {
            pollLock.unlock();
        }
        all.addAll(borrowed);
        all.forEach(NodeConnection::close);
    }

    private @Nullable NodeConnection takeIdle(NodeAddress node) {
        pollLock.lock();
        try {
            Deque<NodeConnection> idle = idlePollers.get(node);
            while (idle != null && !idle.isEmpty()) {
                NodeConnection connection = idle.pop();
                if (connection.isOpen()) {
                    return connection;
                }
            }
            return null;
        } finally {
            pollLock.unlock();
        }
    }

    private NodeConnection open(NodeAddress node, Deadline deadline) {
        if (closed) {
            throw closedPool();
        }
        return NodeConnection.open(node, settings, timer, deadline);
    }

    private static void lockWithin(ReentrantLock lock, Deadline deadline, NodeAddress node) {
        try {
            if (!lock.tryLock(deadline.remainingNanos(), TimeUnit.NANOSECONDS)) {
                throw new TimedOutException("connecting to " + node + " did not finish within the call's timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while connecting to " + node, e);
        }
    }

    private static ConnectionLostException closedPool() {
        return new ConnectionLostException("the client is closed");
    }
}
