package io.tributary.cli.dlq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.Bus;
import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.EventPosition;
import io.tributary.api.TopicName;
import io.tributary.cli.JsonLine;
import io.tributary.cli.OutputFormat;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tributary dlq replay}: publishes the selected dead letters' events again, to their origin topic or
 * {@code --to-topic}, one at a time, printing where each went ({@code partition@offset id -> topic/partition@offset});
 * a summary line on stderr. The library marks a dead letter replayed only once its event is committed, so a
 * failure leaves it (and those after it) pending, and the same command can simply be run again.
 *
 * <p>{@code --all} goes on in passes of {@code --limit} until nothing is pending, and ends even while the handler
 * still fails ({@link DeadLetterReplay}); the summary counts the replays that came back.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Publish dead letters' events again (to their origin topic, or --to-topic); print where each went.")
final class DlqReplayCommand implements Runnable {

    @ParentCommand
    private DlqCommand parent;

    @Mixin
    private DeadLetterQueueOptions options;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private DeadLetterSelection selection;

    @Option(names = "--to-topic", paramLabel = "TOPIC",
            description = "Publish to this topic instead of each event's origin topic.")
    private @Nullable String toTopic;

    @Override
    public void run() {
        String topic = options.deadLetterTopic();
        int limit = options.limit();
        if (toTopic != null) {
            TopicName.of(toTopic);
        }
        int failedAgain = 0;
        int replayed;
        try (Bus bus = options.open()) {
            DeadLetterQueue queue = bus.deadLetters(topic);
            DeadLetterReplay replay = new DeadLetterReplay(queue, toTopic, this::print);
            if (selection.all) {
                failedAgain = replay.replayAll(limit);
            } else {
                for (DeadLetter letter : DeadLetterSearch.find(queue, selection.ids, selection.positions, limit)) {
                    replay.replay(letter);
                }
            }
            replayed = replay.replayed();
        }
        parent.terminal().err().println("replayed " + replayed + " dead letter(s) of " + topic + " to "
                + (toTopic == null ? "their origin topic" : toTopic)
                + (failedAgain == 0 ? "" : "; " + failedAgain + " replayed event(s) failed again and are pending again"
                        + " (a run does not replay its own replays; fix the handler, then run it again)"));
    }

    private void print(DeadLetter letter, EventPosition to) {
        PrintWriter out = parent.terminal().out();
        if (options.output() == OutputFormat.JSON) {
            ObjectNode line = JsonLine.object();
            line.set("position", DeadLetterLines.position(letter.position()));
            line.put("id", letter.event().id());
            line.set("replayedTo", DeadLetterLines.position(to));
            out.println(JsonLine.of(line));
        } else {
            out.println(DeadLetterLines.at(letter.position()) + " " + letter.event().id() + " -> " + to);
        }
        out.flush();
    }
}
