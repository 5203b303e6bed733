/**
 * Measurements of Tributary and of the machine it runs on; never shipped. Run them with
 * {@code tributary-bench/run} (see {@code tributary-bench/README.md}).
 *
 * <ul>
 *   <li>{@code io.tributary.bench.bus}: JMH benchmarks of the bus against in-process peers (Guava's
 *       {@code AsyncEventBus}, the LMAX Disruptor).</li>
 *   <li>{@code io.tributary.bench.log}: JMH benchmarks of the partition log (append per durability
 *       mode, sequential reads by copy and by zero-copy transfer).</li>
 *   <li>{@code io.tributary.bench.probe}: {@link io.tributary.bench.probe.DiskProbe}, this machine's
 *       physical write and page-cache read limits, measured the way
 *       {@code reference/performance.md} §4 measured them, so log numbers can be read against them.</li>
 * </ul>
 *
 * <p>Both write into a scratch directory ({@link io.tributary.bench.ScratchDirectory}) on the file
 * system named by {@code -Dtributary.bench.dir} (default {@code java.io.tmpdir}); a memory-backed one
 * (tmpfs) makes every fsync free, so {@link io.tributary.bench.StorageTarget} warns about it.
 */
@NullMarked
package io.tributary.bench;

import org.jspecify.annotations.NullMarked;
