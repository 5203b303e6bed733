/**
 * How the partition log works; nothing here is API. Start at {@link
 * io.tributary.log.internal.SegmentedLog}.
 */
@NullMarked
package io.tributary.log.internal;

import org.jspecify.annotations.NullMarked;
