/**
 * {@code tributary group list|describe|reset}: consumer-group administration through
 * {@link io.tributary.Bus#groups()}, so it works on every bus URL. {@link io.tributary.cli.group.GroupLines}
 * is how groups, members, partitions and lag are printed.
 */
@NullMarked
package io.tributary.cli.group;

import org.jspecify.annotations.NullMarked;
