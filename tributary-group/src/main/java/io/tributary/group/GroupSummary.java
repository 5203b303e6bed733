package io.tributary.group;

import java.util.Objects;

/**
 * A group in the list of {@link GroupCoordinator#listGroups()}.
 *
 * @param group      the name
 * @param state      where it stands
 * @param members    how many members it has
 * @param generation its generation: 0 until a member joins it (a group known only by its committed offsets; generations
 *                   are not kept across coordinator restarts), then its latest, also while it is {@link GroupState#EMPTY}
 */
public record GroupSummary(String group, GroupState state, int members, int generation) {

    public GroupSummary {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(state, "state");
    }
}
