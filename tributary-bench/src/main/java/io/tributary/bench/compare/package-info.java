/**
 * {@code tributary-bench/run compare}: Tributary side by side with Apache Kafka, NATS JetStream and Redis
 * Streams on this machine, in the same run, with the same workloads and matched durability (issue 6).
 *
 * <p>Start at {@link io.tributary.bench.compare.CompareMain}. The pieces, in the order a run uses them:
 * <ul>
 *   <li>{@link io.tributary.bench.compare.CompareOptions}: what to run ({@code --quick}, peers, workloads,
 *       durability, repetitions).</li>
 *   <li>{@link io.tributary.bench.compare.LimitProbes}: the physical limits measured in the same run (the
 *       existing {@code DiskProbe} in a child JVM, and loopback TCP).</li>
 *   <li>{@link io.tributary.bench.compare.PeerLauncher} and its four implementations: each system started
 *       on loopback, in its own process, on free ports, with its own data directory and a fixed config
 *       ({@link io.tributary.bench.compare.KafkaLauncher#serverProperties}, {@link
 *       io.tributary.bench.compare.NatsLauncher#config}, {@link io.tributary.bench.compare.RedisLauncher#arguments}).
 *       A peer that cannot run here is {@linkplain io.tributary.bench.compare.Availability skipped, with the
 *       reason}, never silently.</li>
 *   <li>{@link io.tributary.bench.compare.PeerClient}: each system driven through its standard Java client,
 *       behind one small interface so that {@link io.tributary.bench.compare.WorkloadRunner} runs the same
 *       {@link io.tributary.bench.compare.Workload} definitions against all of them.</li>
 *   <li>{@link io.tributary.bench.compare.Comparison}: medians and spreads over the repetitions, ratios;
 *       {@link io.tributary.bench.compare.CompareReport} (markdown tables, the JSON line) and
 *       {@link io.tributary.bench.compare.CompareCharts} (PNG).</li>
 * </ul>
 *
 * <p><b>CPU etiquette.</b> Nothing here busy-spins: senders park between paced sends, receivers long-poll.
 * The machine has two cores shared by the broker under test and this load generator.
 */
@NullMarked
package io.tributary.bench.compare;

import org.jspecify.annotations.NullMarked;
