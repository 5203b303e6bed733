package io.tributary.cli.worker;

import io.tributary.Bus;
import io.tributary.Subscription;
import io.tributary.api.config.ConfigKey;
import io.tributary.cli.TributaryCli;
import io.tributary.cli.client.DurationConverter;
import io.tributary.cli.event.BusUrlOption;
import io.tributary.group.GroupName;
import io.tributary.worker.Worker;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary worker}: runs handler classes as members of one consumer group until SIGTERM or SIGINT,
 * then stops gracefully and exits 0. Several processes started with the same {@code --group} share the
 * partitions of the topics the handlers subscribe to.
 *
 * <ol>
 *   <li>Loads the classes of {@code --handlers} ({@link Worker#load}) through a class loader over
 *       {@code --classpath} whose parent is the CLI's, or without {@code --handlers} those listed as
 *       {@code META-INF/services/io.tributary.worker.WorkerHandlers} there ({@link Worker#discover});</li>
 *   <li>opens the bus of {@code --url} with {@code --shutdown-timeout} as its close timeout and starts the
 *       {@link Worker}, which returns once every subscription joined the group;</li>
 *   <li>prints one line: the group, the URL and the subscriptions;</li>
 *   <li>on the first SIGTERM or SIGINT ({@link TerminationSignals}) closes the worker: the events in hand
 *       finish, their offsets are committed, the members leave the group so their partitions move at once.
 *       Exit 0 when that is over within the shutdown timeout; otherwise (or on a second signal) exit 1 with
 *       one line, and whatever was not committed is handled again by the group's other members.</li>
 * </ol>
 *
 * <p>{@link WorkerMain} runs exactly this command, for launch scripts of one's own.
 */
@Command(name = "worker",
        description = {"Run handler classes as one member of a consumer group until SIGTERM or Ctrl-C;"
                + " then finish the events in hand, commit, leave the group and exit 0.",
                "Handlers implement io.tributary.worker.WorkerHandlers or have @OnEvent methods, with a public"
                + " no-argument constructor."})
public final class WorkerCommand implements Callable<Integer> {

    /**
     * How long past the shutdown timeout the close may take: the last handler finished within the timeout,
     * and what remains is the last commit, leaving the group and closing the connection.
     */
    static final Duration LEAVE_GRACE = Duration.ofSeconds(2);

    @ParentCommand
    private TributaryCli parent;

    @Mixin
    private BusUrlOption bus;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Option(names = "--group", required = true, paramLabel = "GROUP",
            description = "The consumer group the handlers' subscriptions join, e.g. billing.")
    private String group;

    @Option(names = "--handlers", split = ",", paramLabel = "CLASS",
            description = "Handler classes, comma-separated (default: the classes the classpath lists in"
                    + " META-INF/services/io.tributary.worker.WorkerHandlers).")
    private @Nullable List<String> handlers;

    @Option(names = "--classpath", paramLabel = "JAR[:JAR...]",
            description = "Jars and class directories of the handlers, as java -cp takes them (DIR/* for every jar"
                    + " in DIR); the CLI's own classes come first.")
    private @Nullable String classpath;

    @Option(names = "--shutdown-timeout", defaultValue = "30s", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Longest the handlers may take to finish the events in hand after SIGTERM; also the bus's"
                    + " close timeout (default ${DEFAULT-VALUE}).")
    private Duration shutdownTimeout;

    @Override
    public Integer call() throws Exception {
        GroupName.of(group);
        if (shutdownTimeout.isZero() || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("--shutdown-timeout must be positive, was "
                    + ConfigKey.formatDuration(shutdownTimeout) + "; give the handlers time to finish, e.g. 30s");
        }
        ClassLoader loader = HandlerClasspath.loader(classpath == null ? "" : classpath,
                WorkerCommand.class.getClassLoader());
        try {
            return run(loader);
        } finally {
            if (loader instanceof URLClassLoader own) {
                closeQuietly(own);
            }
        }
    }

    private int run(ClassLoader loader) throws InterruptedException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        // The handlers' own lookups (ServiceLoader, JSON decoding into their types) use the context class loader;
        // the bus's threads, created while opening it, inherit it.
        thread.setContextClassLoader(loader);
        try {
            List<Object> instances = handlers == null ? Worker.discover(loader) : Worker.load(handlers, loader);
            Bus opened = bus.open(shutdownTimeout);
            TerminationSignals signals;
            try {
                signals = TerminationSignals.install();
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            try (signals) {
                Worker worker = Worker.start(opened, group, instances); // closes the bus itself if it fails
                return runUntilSignalled(worker, signals);
            }
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private int runUntilSignalled(Worker worker, TerminationSignals signals) throws InterruptedException {
        PrintWriter out = parent.terminal().out();
        out.println("worker of group " + group + " on " + bus.url() + " runs " + describe(worker.subscriptions())
                + "; SIGTERM or Ctrl-C stops it");
        out.flush();
        String signal;
        try {
            signal = signals.await();
        } catch (InterruptedException e) {
            worker.close();
            throw e;
        }
        PrintWriter err = parent.terminal().err();
        err.println(signal + ": worker of group " + group + " stopping: finishing the events in hand,"
                + " committing, leaving the group");
        err.flush();
        Thread closing = Thread.ofPlatform().name("tributary-worker-close").start(worker::close);
        Duration bound = shutdownTimeout.plus(LEAVE_GRACE);
        try {
            if (!closing.join(bound)) {
                throw new IllegalStateException("worker of group " + group + " did not stop within --shutdown-timeout "
                        + ConfigKey.formatDuration(shutdownTimeout) + ": a handler is still running; the events it did"
                        + " not finish will be handled again by the group; raise --shutdown-timeout for slower handlers");
            }
        } catch (InterruptedException secondSignal) {
            throw new IllegalStateException("worker of group " + group + " stopped by a second signal before it closed;"
                    + " the events in hand will be handled again by the group", secondSignal);
        }
        err.println("worker of group " + group + " stopped");
        return 0;
    }

    private static String describe(List<Subscription> subscriptions) {
        return subscriptions.size() + " subscription(s): " + subscriptions.stream()
                .map(s -> String.join(",", s.topics()) + " (" + s.filter() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            // the process is about to end; a jar that cannot be closed changes nothing
        }
    }
}
