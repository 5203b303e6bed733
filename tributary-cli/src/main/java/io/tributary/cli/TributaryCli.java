package io.tributary.cli;

import io.tributary.cli.bench.BenchCommand;
import io.tributary.cli.client.ConsumeCommand;
import io.tributary.cli.client.ProduceCommand;
import io.tributary.cli.dlq.DlqCommand;
import io.tributary.cli.event.EmitCommand;
import io.tributary.cli.event.TailCommand;
import io.tributary.cli.group.GroupCommand;
import io.tributary.cli.log.LogCommand;
import io.tributary.cli.server.ServerCommand;
import io.tributary.cli.topic.TopicCommand;
import io.tributary.cli.worker.WorkerCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tributary}: the command-line entry point. Every failure ends as exactly one line on stderr,
 * {@code tributary: <message>}, and a non-zero exit: 2 for a usage error, 1 for a failure. Set
 * {@code TRIBUTARY_DEBUG=1} to get stack traces as well.
 */
@Command(name = "tributary",
        mixinStandardHelpOptions = true,
        versionProvider = TributaryCli.Version.class,
        description = "Tributary: an event bus for JVM services. The broker, clients, events, workers, consumer groups,"
                + " dead letters, log tools and load generators.",
        subcommands = {ServerCommand.class, TopicCommand.class, ProduceCommand.class, ConsumeCommand.class,
                EmitCommand.class, TailCommand.class, WorkerCommand.class, GroupCommand.class, DlqCommand.class,
                LogCommand.class, BenchCommand.class, ClasspathCommand.class})
public final class TributaryCli implements Runnable {

    @Spec
    private CommandSpec spec;

    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    private final Terminal terminal;

    public TributaryCli(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The streams of this invocation, for subcommands. */
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public void run() {
        // No subcommand: show what there is.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs one invocation with the given streams and returns its exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Terminal terminal = new Terminal(in, outWriter, errWriter);
        boolean debug = System.getenv("TRIBUTARY_DEBUG") != null;
        CommandLine commandLine = new CommandLine(new TributaryCli(terminal))
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    errWriter.println("tributary: " + OneLineError.describe(e));
                    if (debug) {
                        e.printStackTrace(errWriter);
                    }
                    return EXIT_FAILURE;
                })
                .setParameterExceptionHandler((e, parsedArgs) -> {
                    errWriter.println("tributary: " + e.getMessage() + " (see '"
                            + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
                    return EXIT_USAGE;
                });
        int exit = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return exit;
    }

    /** {@code --version}: the project version and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = TributaryCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "tributary " + properties.getProperty("version", "unknown"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")"
            };
        }
    }
}
