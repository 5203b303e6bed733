/**
 * Tributary's binary wire protocol (docs/protocol.md), shared by the broker and the client. Start here:
 * {@link io.tributary.protocol.RequestCodec} turns a {@link io.tributary.protocol.message.Request} into a
 * frame and a frame into a {@link io.tributary.protocol.DecodedRequest} (accepted, or rejected with an
 * error code to answer); {@link io.tributary.protocol.ResponseCodec} does the same for responses,
 * including {@link io.tributary.protocol.ResponseCodec#encodeSegments} that lets the broker send fetched
 * batches with {@code FileChannel.transferTo}. {@link io.tributary.protocol.RequestHeader} and
 * {@link io.tributary.protocol.ResponseHeader} precede every body; {@link io.tributary.api.TopicName}
 * holds the rule every topic name follows.
 *
 * <p>The messages are in {@code io.tributary.protocol.message}; frames, fields and limits in
 * {@code io.tributary.protocol.wire}. Nothing here opens a socket or keeps state between frames.
 */
@NullMarked
package io.tributary.protocol;

import org.jspecify.annotations.NullMarked;
