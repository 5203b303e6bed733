package io.tributary.cli.dlq;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.Bus;
import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import io.tributary.EventPosition;
import io.tributary.api.TopicName;
import io.tributary.cli.JsonLine;
import io.tributary.cli.OneLineError;
import io.tributary.cli.OutputFormat;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * <p>{@code --all} goes on in passes of {@code --limit} until nothing is pending. It never replays again a dead
 * letter that is one of its own replays failing again ({@link DeadLetter#REPLAY_OF}), so it ends even while the
 * handler still fails; such dead letters are counted in the summary and stay pending.
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

    private int replayed;

    @Override
    public void run() {
        String topic = options.deadLetterTopic();
        int limit = options.limit();
        if (toTopic != null) {
            TopicName.of(toTopic);
        }
        int failedAgain = 0;
        try (Bus bus = options.open()) {
            DeadLetterQueue queue = bus.deadLetters(topic);
            if (selection.all) {
                failedAgain = replayAll(queue, limit);
            } else {
                for (DeadLetter letter : DeadLetterSearch.find(queue, selection.ids, selection.positions, limit)) {
                    replay(queue, letter);
                }
            }
        }
        parent.terminal().err().println("replayed " + replayed + " dead letter(s) of " + topic + " to "
                + (toTopic == null ? "their origin topic" : toTopic)
                + (failedAgain == 0 ? "" : "; " + failedAgain + " of them failed again and are pending again"));
    }

    /** @return how many pending dead letters are replays of this run that failed again */
    private int replayAll(DeadLetterQueue queue, int limit) {
        Set<String> replayedHere = new HashSet<>();
        while (true) {
            List<DeadLetter> pending = queue.list(limit);
            List<DeadLetter> fresh = pending.stream()
                    .filter(letter -> !replayedHere.contains(letter.event().extensions().get(DeadLetter.REPLAY_OF)))
                    .toList();
            if (fresh.isEmpty()) {
                if (pending.size() == limit) {
                    throw new IllegalStateException("stopped after " + replayed + " replayed: the first " + limit
                            + " pending dead letters of " + queue.topic() + " are events this run replayed that failed"
                            + " again; fix their handler and run the command again (or raise --limit)");
                }
                return pending.size();
            }
            for (DeadLetter letter : fresh) {
                if (replayed == DeadLetterSelection.MAX_PER_RUN) {
                    throw new IllegalStateException("replayed " + replayed + " dead letters of " + queue.topic()
                            + ", the most one run replays; run the command again for the rest");
                }
                replay(queue, letter);
                replayedHere.add(letter.position().toString());
            }
        }
    }

    private void replay(DeadLetterQueue queue, DeadLetter letter) {
        EventPosition to;
        try {
            to = queue.replay(List.of(letter), toTopic).getFirst();
        } catch (RuntimeException e) {
            Throwable why = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("dead letter " + DeadLetterLines.at(letter.position()) + " (event "
                    + letter.event().id() + ") of " + queue.topic() + " was not replayed after " + replayed
                    + " were: " + OneLineError.describe(why) + "; it stays pending, so the same command can be run"
                    + " again", e);
        }
        replayed++;
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
