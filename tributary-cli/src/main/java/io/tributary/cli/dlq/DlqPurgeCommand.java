package io.tributary.cli.dlq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.Bus;
import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.cli.JsonLine;
import io.tributary.cli.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary dlq purge}: marks the selected dead letters purged, without publishing them, one line each
 * ({@code partition@offset id purged}); a summary on stderr. Refuses to run without a selection; {@code --all}
 * goes on in passes of {@code --limit} until nothing is pending.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
        description = "Give up on dead letters for good: they are no longer listed (retention removes the bytes).")
final class DlqPurgeCommand implements Runnable {

    @ParentCommand
    private DlqCommand parent;

    @Mixin
    private DeadLetterQueueOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private DeadLetterSelection selection;

    private int purged;

    @Override
    public void run() {
        String topic = options.deadLetterTopic();
        int limit = options.limit();
        try (Bus bus = options.open()) {
            DeadLetterQueue queue = bus.deadLetters(topic);
            if (selection.all) {
                for (List<DeadLetter> pending = queue.list(limit); !pending.isEmpty(); pending = queue.list(limit)) {
                    for (DeadLetter letter : pending) {
                        if (purged == DeadLetterSelection.MAX_PER_RUN) {
                            throw new IllegalStateException("purged " + purged + " dead letters of " + topic
                                    + ", the most one run purges; run the command again for the rest");
                        }
                        purge(queue, letter);
                    }
                }
            } else {
                for (DeadLetter letter : DeadLetterSearch.find(queue, selection.ids, selection.positions, limit)) {
                    purge(queue, letter);
                }
            }
        }
        parent.terminal().err().println("purged " + purged + " dead letter(s) of " + topic);
    }

    private void purge(DeadLetterQueue queue, DeadLetter letter) {
        queue.purge(List.of(letter));
        purged++;
        PrintWriter out = parent.terminal().out();
        if (options.output() == OutputFormat.JSON) {
            ObjectNode line = JsonLine.object();
            line.set("position", DeadLetterLines.position(letter.position()));
            line.put("id", letter.event().id());
            line.put("purged", true);
            out.println(JsonLine.of(line));
        } else {
            out.println(DeadLetterLines.at(letter.position()) + " " + letter.event().id() + " purged");
        }
        out.flush();
    }
}
