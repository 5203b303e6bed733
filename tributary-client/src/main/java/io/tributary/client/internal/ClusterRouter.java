package io.tributary.client.internal;

import io.tributary.client.ClusterMetadata;
import io.tributary.api.ClusterIdMismatchException;
import io.tributary.api.TributaryException;
import io.tributary.client.ConnectionLostException;
import io.tributary.client.ConnectionString;
import io.tributary.client.NoNodesAvailableException;
import io.tributary.client.NodeAddress;
import io.tributary.client.TimedOutException;
import io.tributary.protocol.message.MetadataRequest;
import io.tributary.protocol.message.MetadataResponse;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Knows the cluster and where to send what. Thread-safe.
 *
 * <p>Metadata comes from any node: the ones the last metadata listed, then the connection string's (in
 * random order when {@code shuffleNodes} is on). Every answer's cluster id is checked against the
 * connection string's, or the first one seen: a mismatch is fatal. Requests that any node can answer
 * fail over to the next node when one cannot be reached; when none can,
 * {@link NoNodesAvailableException} lists every node tried and why.
 */
public final class ClusterRouter {

    private final ConnectionString connectionString;
    private final List<NodeAddress> bootstrapNodes;
    private final ConnectionPool pool;
    private final Duration callTimeout;
    private final Ticker ticker;
    private volatile @Nullable String expectedClusterId;
    private volatile @Nullable ClusterView view;

    public ClusterRouter(ConnectionString connectionString, boolean shuffleNodes, ConnectionPool pool,
            Duration callTimeout, Ticker ticker, Random random) {
        this.connectionString = connectionString;
        List<NodeAddress> nodes = new ArrayList<>(connectionString.nodes());
        if (shuffleNodes) {
            Collections.shuffle(nodes, random);
        }
        this.bootstrapNodes = List.copyOf(nodes);
        this.pool = pool;
        this.callTimeout = callTimeout;
        this.ticker = ticker;
        this.expectedClusterId = connectionString.clusterId().orElse(null);
    }

    public ConnectionPool pool() {
        return pool;
    }

    public Ticker ticker() {
        return ticker;
    }

    /** A deadline one call timeout from now. */
    public Deadline newDeadline() {
        return Deadline.after(callTimeout, ticker);
    }

    /** The last view of the cluster; {@link #refresh} must have run once. */
    public ClusterView view() {
        ClusterView current = view;
        if (current == null) {
            throw new IllegalStateException("no metadata yet; the client refreshes it when it connects");
        }
        return current;
    }

    /**
     * Fetches metadata for {@code topics} (every topic when empty) from the first node that answers and
     * makes it the current view.
     *
     * @throws NoNodesAvailableException  if no node answered
     * @throws ClusterIdMismatchException if the node belongs to another cluster
     */
    public MetadataResponse refresh(List<String> topics, Deadline deadline) {
        MetadataResponse response = (MetadataResponse) callAny(new MetadataRequest(topics), deadline, true);
        checkClusterId(response.clusterId());
        synchronized (this) {
            view = ClusterView.merge(view, response, topics.isEmpty());
        }
        return response;
    }

    /** The route of {@code topic}, refreshing metadata once when the view does not know it. */
    public Optional<ClusterMetadata.Topic> route(String topic, Deadline deadline) {
        Optional<ClusterMetadata.Topic> known = view().topic(topic);
        if (known.isPresent()) {
            return known;
        }
        refresh(List.of(topic), deadline);
        return view().topic(topic);
    }

    /**
     * Sends {@code request} to the first node that answers, the cluster's nodes in order.
     *
     * @param idempotent whether the request may be sent again to another node after a connection was lost
     *                   with it in flight; if not, only nodes that could not be reached at all are skipped
     */
    public Response callAny(Request request, Deadline deadline, boolean idempotent) {
        List<String> failures = new ArrayList<>();
        List<NodeAddress> tried = new ArrayList<>();
        for (NodeAddress node : candidates()) {
            if (deadline.expired()) {
                break;
            }
            tried.add(node);
            try {
                return await(pool.connection(node, deadline).call(request, deadline.remaining()), deadline);
            } catch (UnreachableNodeException e) {
                failures.add(e.getMessage());
            } catch (ConnectionLostException | TimedOutException e) {
                if (!idempotent) {
                    throw e;
                }
                failures.add(node + ": " + e.getMessage());
            }
        }
        throw noNodes(tried, failures, deadline);
    }

    /**
     * Waits for a call's answer within {@code deadline}, unwrapping the exception it failed with.
     *
     * @throws TimedOutException if the deadline passes first
     */
    public static Response await(CompletableFuture<Response> answer, Deadline deadline) {
        try {
            return answer.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | CompletionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw new TimedOutException("no answer within the call timeout (tributary.client.call-timeout)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TributaryException("interrupted while waiting for an answer", e);
        }
    }

    /** {@code error} as an unchecked exception, Tributary's own unchanged. */
    public static RuntimeException rethrow(@Nullable Throwable error) {
        if (error instanceof RuntimeException runtime) {
            return runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return new TributaryException("call failed: " + error, error);
    }

    /** Nodes to try: the ones metadata listed, then the connection string's, without repeats. */
    private List<NodeAddress> candidates() {
        Set<NodeAddress> nodes = new LinkedHashSet<>();
        ClusterView current = view;
        if (current != null) {
            nodes.addAll(current.nodes().values());
        }
        nodes.addAll(bootstrapNodes);
        return List.copyOf(nodes);
    }

    private void checkClusterId(String reported) {
        String expected = expectedClusterId;
        if (expected == null) {
            synchronized (this) {
                if (expectedClusterId == null) {
                    expectedClusterId = reported;
                }
                expected = expectedClusterId;
            }
        }
        if (!expected.equals(reported)) {
            String origin = connectionString.clusterId().isPresent() ? "the connection string " + connectionString
                    + " names" : "the client first connected to";
            throw new ClusterIdMismatchException("a node reports cluster id '" + reported + "' but " + origin
                    + " cluster '" + expected + "'; check that the connection string points at the right cluster");
        }
    }

    private NoNodesAvailableException noNodes(List<NodeAddress> tried, List<String> failures, Deadline deadline) {
        String why = failures.isEmpty() ? "the call timeout passed before any node could be tried"
                : String.join("; ", failures);
        if (deadline.expired() && tried.size() < candidates().size()) {
            why += "; the call timeout passed before the other nodes could be tried";
        }
        return new NoNodesAvailableException("no node of " + connectionString + " could be reached (tried "
                + tried + "): " + why + ". Check that the brokers run and listen at these addresses", tried);
    }
}
