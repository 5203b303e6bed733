/**
 * The record batch format (docs/storage-format.md): {@link io.tributary.format.BatchBuilder} encodes
 * records into a {@link io.tributary.format.RecordBatch}; {@link io.tributary.format.BatchHeader} reads
 * the fixed header of a batch wherever its bytes are (a file, a socket buffer). The same bytes are
 * written to disk, sent to consumers and replicated: nothing on the hot path re-encodes a batch.
 *
 * <p>Inside, package-private: {@code RecordsSection} (the part after the header, with its compression
 * framing), {@code RecordCodec} (one record), {@code RecordShapeScanner} (record
 * sizes and header counts without decoding, for limit checks), {@code Varint} and {@code Utf8} (field encodings), and one
 * {@code Compressor} per codec ({@code Lz4Compressor}, {@code ZstdCompressor}).
 */
@NullMarked
package io.tributary.format;

import org.jspecify.annotations.NullMarked;
