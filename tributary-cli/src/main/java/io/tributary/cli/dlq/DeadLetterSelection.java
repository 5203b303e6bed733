package io.tributary.cli.dlq;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * What {@code dlq replay} and {@code dlq purge} act on: named dead letters, or {@code --all} pending ones.
 * Exactly one form is required, so that neither command ever runs on everything by accident.
 */
final class DeadLetterSelection {

    /**
     * Most dead letters one run of {@code --all} resolves; past it the command stops and says to run it again
     * (a bound on the run, and on the positions it remembers to recognise its own replays failing again).
     */
    static final int MAX_PER_RUN = 1_000_000;

    @Option(names = "--id", required = true, paramLabel = "ID",
            description = "An event id: every pending dead letter of that event; repeatable.")
    List<String> ids = List.of();

    @Option(names = "--position", required = true, paramLabel = "P@O", converter = DeadLetterAt.Converter.class,
            description = "A dead letter's partition@offset, as dlq list prints it; repeatable.")
    List<DeadLetterAt> positions = List.of();

    @Option(names = "--all", required = true, description = "Every pending dead letter, in passes of --limit.")
    boolean all;
}
