/**
 * The partition log engine. Start at {@link io.tributary.log.PartitionLog}: open one on a directory,
 * append {@link io.tributary.format.RecordBatch}es, read them back by offset. {@link
 * io.tributary.log.LogConfig} holds every setting with its key and default; {@link
 * io.tributary.log.PartitionDirectory} inspects and repairs a directory offline (the CLI's
 * {@code log verify|repair|dump}).
 *
 * <p>How it works lives in {@code io.tributary.log.internal}: segments and their sparse indexes, the
 * group committer that shares one fsync among concurrent appends, recovery on open, and the table of
 * producer sequences that makes retried batches idempotent. All file access goes through {@link
 * io.tributary.log.storage.Storage}, so tests can simulate a crash.
 */
@NullMarked
package io.tributary.log;

import org.jspecify.annotations.NullMarked;
