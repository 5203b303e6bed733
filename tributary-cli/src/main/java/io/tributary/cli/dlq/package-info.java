/**
 * {@code tributary dlq list|show|replay|purge}: a consumer group's dead letters through
 * {@link io.tributary.Bus#deadLetters(String)}. {@link io.tributary.cli.dlq.DeadLetterQueueOptions} names
 * the queue, {@link io.tributary.cli.dlq.DeadLetterLines} prints a dead letter, and
 * {@link io.tributary.cli.dlq.DeadLetterSearch} finds the ones named by id or position. Nothing here
 * deletes: replay and purge append resolutions through the library, which resolves a dead letter only once
 * its replay is committed.
 */
@NullMarked
package io.tributary.cli.dlq;

import org.jspecify.annotations.NullMarked;
