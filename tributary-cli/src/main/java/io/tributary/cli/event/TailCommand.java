package io.tributary.cli.event;

import io.tributary.Bus;
import io.tributary.StartPosition;
import io.tributary.Subscription;
import io.tributary.SubscriptionHandle;
import io.tributary.cli.TributaryCli;
import io.tributary.event.Event;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary tail}: subscribes to a topic through the {@link Bus} and prints each event it selects,
 * one per line ({@link EventLines}), until {@code --count} events or Ctrl-C. Events of one partition print
 * in order; partitions interleave. The bus is closed on Ctrl-C too (a shutdown hook), so a {@code file:}
 * bus is left clean.
 *
 * <p>No {@code -V}: {@code --version} selects the events' version here.
 */
@Command(name = "tail", description = "Print the events of a topic as they arrive, one per line, until --count or Ctrl-C.")
public final class TailCommand implements Callable<Integer> {

    enum Output { TEXT, JSON }

    @ParentCommand
    private TributaryCli parent;

    @Mixin
    private BusUrlOption bus;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--topic", defaultValue = "events", paramLabel = "TOPIC",
            description = "Topic to read (default ${DEFAULT-VALUE}).")
    private String topic;

    @Option(names = "--type", paramLabel = "PATTERN",
            description = "Only types matching PATTERN: order.created, order.* (one token), order.> (one or more).")
    private @Nullable String type;

    @Option(names = "--version", paramLabel = "N", description = "Only events of this version.")
    private @Nullable Integer version;

    @Option(names = "--from", defaultValue = "end", paramLabel = "beginning|end|OFFSET",
            description = "Where to start in each partition: the oldest event, only new events, or an offset"
                    + " (default ${DEFAULT-VALUE}).")
    private String from;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N events.")
    private @Nullable Long count;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (time type version key id data) or json (CloudEvents, one object per line)"
                    + " (default ${DEFAULT-VALUE}).")
    private Output output;

    @Override
    public Integer call() throws Exception {
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        Subscription subscription = subscription();
        Printer printer = new Printer(parent.terminal().out(), output, count);
        try (Bus opened = bus.open()) {
            Thread closeOnCtrlC = new Thread(opened::close, "tributary-tail-shutdown");
            Runtime.getRuntime().addShutdownHook(closeOnCtrlC);
            try {
                SubscriptionHandle handle = opened.subscribe(subscription, printer::print);
                printer.awaitCount();
                handle.close();
            } finally {
                removeHook(closeOnCtrlC);
            }
        }
        return 0;
    }

    private Subscription subscription() {
        Subscription subscription = Subscription.to(topic).from(start(from));
        if (type != null) {
            subscription = subscription.types(type);
        }
        if (version != null) {
            subscription = subscription.version(version);
        }
        return subscription;
    }

    static StartPosition start(String from) {
        switch (from) {
            case "beginning" -> {
                return StartPosition.earliest();
            }
            case "end" -> {
                return StartPosition.latest();
            }
            default -> {
                try {
                    long offset = Long.parseLong(from);
                    if (offset >= 0) {
                        return StartPosition.offset(offset);
                    }
                } catch (NumberFormatException notANumber) {
                    // the message below
                }
                throw new IllegalArgumentException("--from takes beginning, end or an offset >= 0, not '" + from + "'");
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running and closes the bus
        }
    }

    /**
     * Prints events handed over by the bus's workers (several at once for several partitions), stopping at
     * {@code limit}: the count check and the print happen under one lock, so exactly {@code limit} lines appear.
     */
    private static final class Printer {

        private final PrintWriter out;
        private final Output output;
        private final @Nullable Long limit;
        private final CountDownLatch reached = new CountDownLatch(1);
        private long printed;

        Printer(PrintWriter out, Output output, @Nullable Long limit) {
            this.out = out;
            this.output = output;
            this.limit = limit;
        }

        void print(Event event) {
            String line = output == Output.JSON ? EventLines.json(event) : EventLines.text(event);
            synchronized (this) {
                if (limit != null && printed >= limit) {
                    return;
                }
                out.println(line);
                out.flush();
                printed++;
                if (limit != null && printed == limit) {
                    reached.countDown();
                }
            }
        }

        /** Blocks until {@code limit} events were printed; without a limit, until interrupted (Ctrl-C ends the JVM). */
        void awaitCount() throws InterruptedException {
            reached.await();
        }
    }
}
