package io.tributary.bench.compare;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * Redis Streams through Jedis. A topic's partitions are the streams {@code topic:0 … topic:N-1}; senders
 * spread records over them round robin. Sending is {@code XADD} pipelined: up to {@value #PIPELINE} commands
 * go out before one read of their replies (Redis answers after the AOF write, and with
 * {@code appendfsync always} after its fsync: a natural group commit). Reading is {@code XREAD COUNT 1000
 * BLOCK 100} over the consumer's streams. Durability is the server's ({@code appendfsync}), set by
 * {@link RedisLauncher}.
 */
final class RedisPeerClient implements PeerClient {

    /** Most XADDs per pipeline before their replies are read. */
    static final int PIPELINE = 256;
    private static final byte[] FIELD = "v".getBytes(StandardCharsets.UTF_8);

    private final String host;
    private final int port;
    private final Jedis admin;

    RedisPeerClient(String host, int port) {
        this.host = host;
        this.port = port;
        this.admin = new Jedis(host, port);
    }

    static byte[] key(String topic, int partition) {
        return (topic + ":" + partition).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void createTopic(String topic, int partitions) {
        // streams come into being with their first XADD
    }

    @Override
    public void deleteTopic(String topic, int partitions) {
        for (int p = 0; p < partitions; p++) {
            admin.del(key(topic, p));
        }
    }

    @Override
    public RecordSender sender(String topic, int partitions, boolean lowLatency, AckListener acks) {
        Jedis jedis = new Jedis(host, port);
        byte[][] keys = new byte[partitions][];
        for (int p = 0; p < partitions; p++) {
            keys[p] = key(topic, p);
        }
        return new RecordSender() {
            private Pipeline pipeline = jedis.pipelined();
            private int pending;
            private int next;

            @Override
            public void send(byte[] value) {
                pipeline.xadd(keys[next], XAddParams.xAddParams(), Map.of(FIELD, value));
                next = (next + 1) % keys.length;
                if (++pending == PIPELINE) {
                    sync();
                }
            }

            @Override
            public void idle() {
                sync();
            }

            @Override
            public void flush() {
                sync();
            }

            private void sync() {
                if (pending == 0) {
                    return;
                }
                try {
                    pipeline.sync();
                    acks.acked(pending);
                } catch (RuntimeException e) {
                    acks.failed(e);
                    pipeline = jedis.pipelined();
                }
                pending = 0;
            }

            @Override
            public void close() {
                sync();
                jedis.close();
            }
        };
    }

    @Override
    public RecordReceiver receiver(String topic, int partitionCount, List<Integer> partitions, ValueHandler handler) {
        Jedis jedis = new Jedis(host, port, 30_000);
        Map<byte[], StreamEntryID> from = new HashMap<>();
        List<byte[]> keys = new ArrayList<>();
        for (int partition : partitions) {
            byte[] key = key(topic, partition);
            keys.add(key);
            from.put(key, new StreamEntryID(0, 0));
        }
        XReadParams params = XReadParams.xReadParams().count(1000).block(100);
        return PollingReceiver.start("redis-reader-" + topic, new PollingReceiver.Poller() {
            @Override
            public void pollOnce() {
                var streams = jedis.xreadBinary(params, from);
                if (streams == null) {
                    return;
                }
                long now = System.nanoTime();
                for (var stream : streams) {
                    StreamEntryID last = null;
                    for (StreamEntryBinary entry : stream.getValue()) {
                        handler.onValue(valueOf(entry), now);
                        last = entry.getID();
                    }
                    if (last != null) {
                        from.put(sameKey(stream.getKey()), last);
                    }
                }
            }

            /** The map is keyed by array identity: find our own key for the stream named in the reply. */
            private byte[] sameKey(byte[] name) {
                for (byte[] key : keys) {
                    if (java.util.Arrays.equals(key, name)) {
                        return key;
                    }
                }
                throw new IllegalStateException("XREAD answered for a stream not asked for");
            }

            @Override
            public void close() {
                jedis.close();
            }
        });
    }

    private static byte[] valueOf(StreamEntryBinary entry) {
        for (Map.Entry<byte[], byte[]> field : entry.getFields().entrySet()) {
            return field.getValue();
        }
        throw new IllegalStateException("stream entry " + entry.getID() + " has no field");
    }

    @Override
    public void close() {
        admin.close();
    }
}
