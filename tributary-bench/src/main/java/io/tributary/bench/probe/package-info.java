/**
 * {@link io.tributary.bench.probe.DiskProbe}: the physical limits of the machine's disk, measured
 * the way {@code reference/performance.md} §4 did with fio, so that log benchmark results can be read
 * as a fraction of what the hardware allows. Plain Java, no JMH: it measures the disk, not the JIT.
 *
 * <p>Start at {@link io.tributary.bench.probe.DiskProbe}; {@link
 * io.tributary.bench.probe.SequentialWriteProbe} is the write loop and {@link
 * io.tributary.bench.probe.PageCacheReadProbe} the read-back.
 */
@NullMarked
package io.tributary.bench.probe;

import org.jspecify.annotations.NullMarked;
