package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;

/** Asks for every group with members or committed offsets. No fields. */
public record ListGroupsRequest() implements Request {

    public static final ListGroupsRequest INSTANCE = new ListGroupsRequest();

    @Override
    public ApiKey apiKey() {
        return ApiKey.LIST_GROUPS;
    }

    @Override
    public void encode(WireWriter out) {
        // no fields
    }

    public static ListGroupsRequest decode(WireReader in) {
        return INSTANCE;
    }
}
