/**
 * The wire underneath the messages: frames and fields, big-endian (docs/protocol.md).
 * {@link io.tributary.protocol.wire.FrameDecoder} cuts frames out of a connection's bytes;
 * {@link io.tributary.protocol.wire.WireReader} reads fields from a frame and
 * {@link io.tributary.protocol.wire.WireWriter} writes them.
 *
 * <p>Everything a peer declares (a frame length, a string length, an array count) is checked against
 * {@link io.tributary.protocol.wire.ProtocolLimits} and the bytes that remain before memory is allocated
 * for it; the single place that does so is the package-private {@code LengthCheck}. A violation is a
 * {@link io.tributary.protocol.wire.ProtocolException}, never a buffer exception or an
 * {@link java.lang.OutOfMemoryError}.
 *
 * <p>Batch bytes travel as {@link io.tributary.protocol.wire.RecordsSource}s: in memory
 * ({@link io.tributary.protocol.wire.MemoryRecords}) or fulfilled by the network layer itself, which
 * receives them as {@link io.tributary.protocol.wire.FrameSegment.Records} and sends them with
 * {@code FileChannel.transferTo}. This package knows nothing of the messages above it and opens no socket.
 */
@NullMarked
package io.tributary.protocol.wire;

import org.jspecify.annotations.NullMarked;
