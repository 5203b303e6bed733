package io.tributary.cli.worker;

import io.tributary.ConsumerGroups;
import io.tributary.api.TopicPartition;
import io.tributary.group.GroupDescription;
import io.tributary.group.PartitionProgress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a group's committed offsets every {@value #INTERVAL_MILLIS} ms on a thread of its own, for the whole of a
 * test, and remembers every time one went backwards. Describe failures (the group not there yet, a slow answer)
 * are counted, not fatal.
 */
final class CommittedOffsetsMonitor implements AutoCloseable {

    static final long INTERVAL_MILLIS = 100;

    private final ConsumerGroups groups;
    private final String group;
    private final Thread thread;
    // guarded by this
    private final Map<TopicPartition, Long> highest = new HashMap<>();
    private final List<String> backwards = new ArrayList<>();
    /** Each change seen, {@code partition committed owner}, in order: for failure messages. Bounded. */
    private final List<String> changes = new ArrayList<>();
    private int reads;
    private int failedReads;
    private volatile boolean running = true;

    private CommittedOffsetsMonitor(ConsumerGroups groups, String group) {
        this.groups = groups;
        this.group = group;
        this.thread = Thread.ofPlatform().name("committed-offsets-monitor").daemon().unstarted(this::run);
    }

    static CommittedOffsetsMonitor start(ConsumerGroups groups, String group) {
        CommittedOffsetsMonitor monitor = new CommittedOffsetsMonitor(groups, group);
        monitor.thread.start();
        return monitor;
    }

    /** Every decrease seen, e.g. {@code work-3: 120 after 140}; empty when offsets only moved forward. */
    synchronized List<String> wentBackwards() {
        return List.copyOf(backwards);
    }

    /** The changes of {@code partition}'s committed offset and owner, as seen, e.g. for a failure's message. */
    synchronized List<String> changesOf(TopicPartition partition) {
        return changes.stream().filter(change -> change.startsWith(partition + " ")).toList();
    }

    /** How many times the offsets were read successfully. */
    synchronized int reads() {
        return reads;
    }

    synchronized int failedReads() {
        return failedReads;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(Duration.ofSeconds(10));
    }

    private void run() {
        while (running) {
            try {
                record(groups.describe(group));
            } catch (RuntimeException e) {
                synchronized (this) {
                    failedReads++;
                }
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void record(GroupDescription description) {
        reads++;
        for (PartitionProgress progress : description.partitions()) {
            if (progress.committed().isEmpty()) {
                continue;
            }
            long committed = progress.committed().getAsLong();
            String change = progress.partition() + " " + committed + " " + progress.owner();
            if (changes.size() < 10_000 && changes.stream().noneMatch(change::equals)) {
                changes.add(change);
            }
            Long before = highest.get(progress.partition());
            if (before != null && committed < before) {
                backwards.add(progress.partition() + ": " + committed + " after " + before);
            } else {
                highest.put(progress.partition(), committed);
            }
        }
    }
}
