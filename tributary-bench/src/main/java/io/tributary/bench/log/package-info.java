/**
 * JMH benchmarks of the partition log ({@code tributary-log}), one class per path:
 *
 * <ul>
 *   <li>{@link io.tributary.bench.log.LogAppendBenchmark}: append of a 64 KiB batch and wait for its
 *       commit, per durability mode, record size and number of writers (group commit shows in
 *       {@code FSYNC} with 8 writers).</li>
 *   <li>{@link io.tributary.bench.log.LogReadBenchmark}: a sequential scan of a 256 MiB log in 1 MiB
 *       reads, by copy ({@code readAll}) and by transfer ({@code transferTo}, sendfile when the target
 *       allows it).</li>
 * </ul>
 *
 * <p>Besides JMH's primary score (batches or scans per second), each reports auxiliary rates as
 * JMH "{@code ·}" secondary results: {@code records} per second and {@code payloadBytes} or
 * {@code bytes} per second. Divide bytes/s by 10<sup>6</sup> for MB/s, the unit of
 * {@code reference/performance.md} and of {@link io.tributary.bench.probe.DiskProbe}.
 */
@NullMarked
package io.tributary.bench.log;

import org.jspecify.annotations.NullMarked;
