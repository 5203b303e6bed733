package io.tributary.cli.dlq;

import io.tributary.Bus;
import io.tributary.DeadLetter;
import io.tributary.cli.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary dlq show}: the dead letters named by event id or position, each with its whole event
 * (CloudEvents JSON, data included). Exit 1, and nothing printed, when one is not pending.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print dead letters with their whole event (CloudEvents JSON, data included).")
final class DlqShowCommand implements Runnable {

    /** Which dead letters: by event id or by position, one or more. */
    static final class Named {
        @Option(names = "--id", required = true, paramLabel = "ID", description = "An event id; repeatable.")
        List<String> ids = List.of();

        @Option(names = "--position", required = true, paramLabel = "P@O", converter = DeadLetterAt.Converter.class,
                description = "A dead letter's partition@offset, as dlq list prints it; repeatable.")
        List<DeadLetterAt> positions = List.of();
    }

    @ParentCommand
    private DlqCommand parent;

    @Mixin
    private DeadLetterQueueOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Named named;

    @Override
    public void run() {
        String topic = options.deadLetterTopic();
        List<DeadLetter> found;
        try (Bus bus = options.open()) {
            found = DeadLetterSearch.find(bus.deadLetters(topic), named.ids, named.positions, options.limit());
        }
        PrintWriter out = parent.terminal().out();
        for (int i = 0; i < found.size(); i++) {
            DeadLetter letter = found.get(i);
            if (options.output() == OutputFormat.JSON) {
                out.println(DeadLetterLines.showJson(letter));
            } else {
                if (i > 0) {
                    out.println();
                }
                DeadLetterLines.showText(letter).forEach(out::println);
            }
        }
    }
}
