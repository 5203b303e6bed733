/**
 * The network client of Tributary. Start at {@link io.tributary.client.TributaryClient#connect(String)}:
 * it parses a {@link io.tributary.client.ConnectionString}, learns the cluster from its nodes and
 * offers low-level send and read, topic administration, and batching
 * {@link io.tributary.client.Producer}s. Settings are records with their keys beside their defaults
 * ({@link io.tributary.client.ClientOptions}, {@link io.tributary.client.ProducerOptions}); failures are
 * the named exceptions of this package and of {@code io.tributary.api}.
 *
 * <p>Everything else lives in {@code io.tributary.client.internal}, which applications must not use
 * (an ArchUnit test guards it).
 */
@NullMarked
package io.tributary.client;

import org.jspecify.annotations.NullMarked;
