package io.tributary.cli.group;

import io.tributary.Bus;
import io.tributary.cli.OutputFormat;
import io.tributary.cli.event.BusUrlOption;
import io.tributary.group.GroupDescription;
import io.tributary.group.GroupName;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary group describe G}: the group's members (id, client id, owned partitions) and, per partition,
 * owner, committed offset, end offset and lag, then the total lag. Exit 1 for a group that does not exist.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Print a group's members and, per partition, owner, committed offset, end offset and lag.")
final class GroupDescribeCommand implements Runnable {

    @ParentCommand
    private GroupCommand parent;

    @Mixin
    private BusUrlOption bus;

    @Parameters(index = "0", paramLabel = "GROUP", description = "The consumer group.")
    private String group;

    @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
            description = "text or json (one object on one line) (default ${DEFAULT-VALUE}).")
    private OutputFormat output;

    @Override
    public void run() {
        GroupName.of(group);
        GroupDescription description;
        try (Bus opened = bus.open()) {
            description = opened.groups().describe(group);
        }
        PrintWriter out = parent.terminal().out();
        if (output == OutputFormat.JSON) {
            out.println(GroupLines.json(description));
        } else {
            GroupLines.text(description).forEach(out::println);
        }
    }
}
