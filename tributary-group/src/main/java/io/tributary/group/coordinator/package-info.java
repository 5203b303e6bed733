/**
 * The coordinator that runs in a process: {@link io.tributary.group.coordinator.LocalGroupCoordinator}
 * keeps memberships in memory, computes assignments with the
 * {@code StickyAssignor}, and keeps committed offsets in an
 * {@link io.tributary.group.coordinator.OffsetStore} (the broker's is an internal topic; the {@code mem:}
 * bus keeps them in memory). Partitions and their offsets come from a
 * {@link io.tributary.group.coordinator.TopicCatalog}. Time is injected; nothing here starts a thread.
 */
@NullMarked
package io.tributary.group.coordinator;

import org.jspecify.annotations.NullMarked;
