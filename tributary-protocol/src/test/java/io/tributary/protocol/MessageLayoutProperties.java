package io.tributary.protocol;

import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import io.tributary.protocol.wire.ProtocolLimits;
import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of every message follow the layout docs/protocol.md prints for it ({@link MessageLayout}):
 * a reader that knows nothing but that layout finds every field's value, in order, and nothing after
 * the last one. So the docs are checked against the encoders, not against what we believe they do.
 */
class MessageLayoutProperties {

    @Property(tries = 300)
    void everyRequestBody_followsItsDocumentedLayout(@ForAll("requests") Request request) {
        WireWriter out = WireWriter.create();
        request.encode(out);

        walkAll((Record) request, out);
    }

    @Property(tries = 300)
    void everyResponseBody_followsItsDocumentedLayout(@ForAll("responses") Response response) {
        WireWriter out = WireWriter.create();
        response.encode(out);

        walkAll((Record) response, out);
    }

    @Property(tries = 100)
    void requestHeader_followsItsDocumentedLayout(@ForAll short apiKey, @ForAll short apiVersion,
            @ForAll int correlationId, @ForAll("clientIds") @Nullable String clientId) {
        RequestHeader header = new RequestHeader(apiKey, apiVersion, correlationId, clientId);
        WireWriter out = WireWriter.create();
        header.encode(out);

        walkAll(header, out);
    }

    private static void walkAll(Record message, WireWriter out) {
        WireReader in = new WireReader(out.toByteBuffer(), ProtocolLimits.DEFAULT);
        MessageLayout.walk(message, in);
        in.requireEnd(message.getClass().getSimpleName());
    }

    @Provide
    Arbitrary<Request> requests() {
        return MessageArbitraries.requests();
    }

    @Provide
    Arbitrary<Response> responses() {
        return MessageArbitraries.responses();
    }

    @Provide
    Arbitrary<String> clientIds() {
        return MessageArbitraries.clientIds();
    }
}
