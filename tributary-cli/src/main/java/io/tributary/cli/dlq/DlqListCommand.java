package io.tributary.cli.dlq;

import io.tributary.Bus;
import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.cli.OutputFormat;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary dlq list}: the pending dead letters (neither replayed nor purged), by partition and offset,
 * at most {@code --limit}; one line each on stdout ({@link DeadLetterLines}), how many on stderr.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Print the pending dead letters, one per line: partition@offset id type origin attempts error.")
final class DlqListCommand implements Runnable {

    @ParentCommand
    private DlqCommand parent;

    @Mixin
    private DeadLetterQueueOptions options;

    @Override
    public void run() {
        String topic = options.deadLetterTopic();
        int limit = options.limit();
        PrintWriter out = parent.terminal().out();
        List<DeadLetter> letters;
        try (Bus bus = options.open()) {
            DeadLetterQueue queue = bus.deadLetters(topic);
            // One more than shown says whether there are more, without reading the whole topic into memory.
            letters = queue.list(limit == Integer.MAX_VALUE ? limit : limit + 1);
        }
        boolean more = letters.size() > limit;
        for (DeadLetter letter : more ? letters.subList(0, limit) : letters) {
            out.println(options.output() == OutputFormat.JSON ? DeadLetterLines.json(letter) : DeadLetterLines.text(letter));
        }
        out.flush();
        parent.terminal().err().println(more
                ? "more than " + limit + " pending dead letters in " + topic + "; showing the first " + limit + " (--limit)"
                : letters.size() + " pending dead letter(s) in " + topic);
    }
}
