package io.tributary.format;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * LZ4 block compression (lz4-java, native when the platform has it, pure Java otherwise).
 *
 * <p>Decompression uses the <em>safe</em> decompressor, not the "fast" one: the fast decompressor is
 * given only the output size and trusts the input to stop there, so corrupt or hostile bytes can make it
 * read past them. The safe one is bounded by both lengths and reports bad input as an {@link LZ4Exception},
 * at a small cost in speed, which is the right trade for bytes that come from disk or the network.
 */
final class Lz4Compressor implements Compressor {

    static final Lz4Compressor INSTANCE = new Lz4Compressor(LZ4Factory.fastestInstance());

    private final LZ4Compressor compressor;
    private final LZ4SafeDecompressor decompressor;

    private Lz4Compressor(LZ4Factory factory) {
        this.compressor = factory.fastCompressor();
        this.decompressor = factory.safeDecompressor();
    }

    @Override
    public int maxCompressedLength(int length) {
        return compressor.maxCompressedLength(length);
    }

    @Override
    public int compress(byte[] source, int offset, int length, byte[] destination, int destinationOffset) {
        return compressor.compress(source, offset, length, destination, destinationOffset,
                destination.length - destinationOffset);
    }

    @Override
    public void decompress(byte[] source, int offset, int length, byte[] destination) {
        int inflated;
        try {
            inflated = decompressor.decompress(source, offset, length, destination, 0, destination.length);
        } catch (LZ4Exception e) {
            throw new CorruptBatchException("LZ4 records section of " + length + " bytes does not decompress: "
                    + e.getMessage(), e);
        }
        if (inflated != destination.length) {
            throw new CorruptBatchException("LZ4 records section inflates to " + inflated + " bytes, not the "
                    + destination.length + " its batch declares");
        }
    }
}
