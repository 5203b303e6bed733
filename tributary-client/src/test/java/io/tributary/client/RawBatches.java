package io.tributary.client;

import io.tributary.format.RecordBatch;
import io.tributary.protocol.DecodedResponse;
import io.tributary.protocol.RequestCodec;
import io.tributary.protocol.ResponseCodec;
import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.FetchRequest;
import io.tributary.protocol.message.FetchResponse;
import io.tributary.protocol.wire.FrameDecoder;
import io.tributary.protocol.wire.ProtocolLimits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/** Reads a partition's batches as the log stores them, to see how records were grouped. */
final class RawBatches {

    private RawBatches() {
    }

    /** Every batch of the partition from offset 0 (up to 8 MiB of them). */
    static List<RecordBatch> of(InetSocketAddress broker, String topic, int partition) throws IOException {
        List<RecordBatch> batches = new ArrayList<>();
        long offset = 0;
        try (SocketChannel channel = SocketChannel.open(broker)) {
            while (true) {
                FetchResponse.PartitionData data = fetch(channel, topic, partition, offset);
                if (data.batches().isEmpty()) {
                    return batches;
                }
                batches.addAll(data.batches());
                offset = data.batches().getLast().lastOffset() + 1;
            }
        }
    }

    private static FetchResponse.PartitionData fetch(SocketChannel channel, String topic, int partition, long offset)
            throws IOException {
        FetchRequest request = new FetchRequest(0, 8 << 20, List.of(new FetchRequest.TopicData(topic,
                List.of(new FetchRequest.PartitionData(partition, offset, 8 << 20)))));
        ByteBuffer frame = new RequestCodec(ProtocolLimits.DEFAULT).encode(1, "raw-batches", request);
        while (frame.hasRemaining()) {
            channel.write(frame);
        }
        ByteBuffer buffer = ByteBuffer.allocate(ProtocolLimits.DEFAULT_MAX_FRAME_BYTES + 4);
        FrameDecoder frames = new FrameDecoder(ProtocolLimits.DEFAULT);
        while (true) {
            if (channel.read(buffer) < 0) {
                throw new IOException("the broker closed the connection");
            }
            buffer.flip();
            if (frames.next(buffer) instanceof FrameDecoder.Result.Frame answer) {
                ByteBuffer body = ByteBuffer.allocate(answer.body().remaining()).put(answer.body()).flip();
                DecodedResponse decoded = new ResponseCodec(ProtocolLimits.DEFAULT).decode(body, ApiKey.FETCH);
                FetchResponse response = (FetchResponse) ((DecodedResponse.Success) decoded).response();
                return response.topics().getFirst().partitions().getFirst();
            }
            buffer.compact();
        }
    }
}
