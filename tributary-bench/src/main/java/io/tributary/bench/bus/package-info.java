/**
 * JMH benchmarks of the bus ({@code tributary-bus}) against in-process peers:
 *
 * <ul>
 *   <li>{@link io.tributary.bench.bus.InProcessDispatchBenchmark}: one publisher, one subscriber, 100-byte
 *       events through {@code mem:}, Guava's {@code AsyncEventBus} and an LMAX Disruptor, in events/s.</li>
 * </ul>
 *
 * <p>Guava and the Disruptor are dependencies of this module only, as baselines; no shipped module uses
 * them.
 */
@NullMarked
package io.tributary.bench.bus;

import org.jspecify.annotations.NullMarked;
