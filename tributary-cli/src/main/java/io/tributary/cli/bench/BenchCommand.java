package io.tributary.cli.bench;

import io.tributary.cli.Terminal;
import io.tributary.cli.TributaryCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;

/** {@code tributary bench}: the group of load generators. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Tributary on this machine.",
        subcommands = {BenchLogCommand.class, BenchProduceCommand.class, BenchConsumeCommand.class,
                BenchEndToEndCommand.class})
public final class BenchCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TributaryCli cli;

    Terminal terminal() {
        return cli.terminal();
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
