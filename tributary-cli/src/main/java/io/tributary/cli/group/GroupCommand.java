package io.tributary.cli.group;

import io.tributary.cli.Terminal;
import io.tributary.cli.TributaryCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tributary group}: consumer groups of a bus, to list, describe (lag) and reset. */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "List consumer groups, describe one (members, partitions, lag), reset its committed offsets.",
        subcommands = {GroupListCommand.class, GroupDescribeCommand.class, GroupResetCommand.class})
public final class GroupCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private TributaryCli cli;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    Terminal terminal() {
        return cli.terminal();
    }
}
