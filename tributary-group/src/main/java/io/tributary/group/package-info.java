/**
 * Consumer groups: several consumers sharing a subscription, each partition owned by one member at a
 * time, resuming where the group committed. Start at {@link io.tributary.group.GroupCoordinator}: the one
 * contract that the broker serves, the client speaks over the network and the in-process bus runs
 * locally. Values ({@link io.tributary.group.Heartbeat}, {@link io.tributary.group.Assignment},
 * {@link io.tributary.group.Commit}, ...) are records that validate themselves; failures a member must
 * handle are the subclasses of {@link io.tributary.group.GroupException}. The coordinator that runs in a
 * process is in {@link io.tributary.group.coordinator}. Design: decision 0012.
 */
@NullMarked
package io.tributary.group;

import org.jspecify.annotations.NullMarked;
