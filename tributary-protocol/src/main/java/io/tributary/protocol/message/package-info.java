/**
 * What the protocol says: one {@link io.tributary.protocol.message.Request} and one
 * {@link io.tributary.protocol.message.Response} record per {@link io.tributary.protocol.message.ApiKey},
 * and the {@link io.tributary.protocol.message.ErrorCode}s responses carry. Every message has
 * {@code encode(WireWriter)} and {@code static decode(WireReader)}; the tables of docs/protocol.md
 * describe the same fields in the same order.
 *
 * <p>Messages check structure, not meaning: the broker decides what a negative partition or an unknown
 * topic means and answers with an error code for that entry. Batches are carried as bytes, never
 * re-encoded. To turn frames into messages and back, start at {@code io.tributary.protocol.RequestCodec}
 * and {@code io.tributary.protocol.ResponseCodec}.
 */
@NullMarked
package io.tributary.protocol.message;

import org.jspecify.annotations.NullMarked;
