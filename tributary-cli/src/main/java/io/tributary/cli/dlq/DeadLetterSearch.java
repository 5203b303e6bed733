package io.tributary.cli.dlq;

import io.tributary.DeadLetter;
import io.tributary.DeadLetterQueue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the pending dead letters named by event id ({@code --id}) or place ({@code --position}) in one pass of
 * at most {@code --limit} pending dead letters. An id selects every pending dead letter of that event (an event
 * that failed again after a replay is dead-lettered again, with the same id). Stateless.
 */
final class DeadLetterSearch {

    private DeadLetterSearch() {
    }

    /**
     * The named pending dead letters, in the queue's order.
     *
     * @throws IllegalArgumentException naming the first id or position not found, before anything is done to
     *                                  the others
     */
    static List<DeadLetter> find(DeadLetterQueue queue, List<String> ids, List<DeadLetterAt> positions, int limit) {
        List<DeadLetter> pending = queue.list(limit);
        Set<String> idsLeft = new LinkedHashSet<>(ids);
        Set<DeadLetterAt> positionsLeft = new LinkedHashSet<>(positions);
        List<DeadLetter> found = new ArrayList<>();
        for (DeadLetter letter : pending) {
            boolean byId = ids.contains(letter.event().id());
            boolean byPosition = positions.stream().anyMatch(at -> at.isAt(letter.position()));
            if (byId || byPosition) {
                found.add(letter);
                idsLeft.remove(letter.event().id());
                positionsLeft.removeIf(at -> at.isAt(letter.position()));
            }
        }
        if (!idsLeft.isEmpty()) {
            throw notFound("with id " + idsLeft.iterator().next(), queue, pending.size(), limit);
        }
        if (!positionsLeft.isEmpty()) {
            throw notFound("at " + positionsLeft.iterator().next(), queue, pending.size(), limit);
        }
        return found;
    }

    private static IllegalArgumentException notFound(String what, DeadLetterQueue queue, int read, int limit) {
        String where = read == limit
                ? " among the first " + limit + " pending ones of " + queue.topic() + "; raise --limit to look further"
                : " in " + queue.topic() + " (" + read + " pending; a replayed or purged one is no longer pending;"
                        + " dlq list shows what is)";
        return new IllegalArgumentException("no pending dead letter " + what + where);
    }
}
