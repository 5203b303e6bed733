/** {@code mem:}: topics as bounded in-memory rings; start at {@link io.tributary.internal.mem.MemoryTransport}. */
@NullMarked
package io.tributary.internal.mem;

import org.jspecify.annotations.NullMarked;
