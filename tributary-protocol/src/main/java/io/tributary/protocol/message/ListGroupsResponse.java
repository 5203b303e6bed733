package io.tributary.protocol.message;

import io.tributary.protocol.wire.WireReader;
import io.tributary.protocol.wire.WireWriter;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every group with members or committed offsets, by name.
 *
 * @param errorCode    {@link ErrorCode#NONE}, or why not (then no groups)
 * @param errorMessage detail for an error; null when none
 * @param groups       the groups
 */
public record ListGroupsResponse(ErrorCode errorCode, @Nullable String errorMessage, List<GroupListing> groups)
        implements Response {

    public ListGroupsResponse {
        Objects.requireNonNull(errorCode, "errorCode");
        groups = List.copyOf(groups);
    }

    /**
     * @param group      the group's name
     * @param state      a {@link GroupStateCode}
     * @param members    how many members it has
     * @param generation its generation (0 for a group with committed offsets only)
     */
    public record GroupListing(String group, byte state, int members, int generation) {
        static final int MIN_BYTES = Fields.MIN_STRING + 1 + Integer.BYTES + Integer.BYTES;

        public GroupListing {
            Objects.requireNonNull(group, "group");
        }

        void encode(WireWriter out) {
            out.writeString(group).writeByte(state).writeInt(members).writeInt(generation);
        }

        static GroupListing decode(WireReader in) {
            return new GroupListing(in.readString("ListGroupsResponse.group"), in.readByte("ListGroupsResponse.state"),
                    in.readInt("ListGroupsResponse.members"), in.readInt("ListGroupsResponse.generation"));
        }
    }

    /** A failure, without groups. */
    public static ListGroupsResponse failed(ErrorCode errorCode, @Nullable String errorMessage) {
        return new ListGroupsResponse(errorCode, errorMessage, List.of());
    }

    @Override
    public ApiKey apiKey() {
        return ApiKey.LIST_GROUPS;
    }

    @Override
    public void encode(WireWriter out) {
        out.writeShort(errorCode.code()).writeNullableString(errorMessage).writeArray(groups, GroupListing::encode);
    }

    public static ListGroupsResponse decode(WireReader in) {
        ErrorCode errorCode = Fields.readErrorCode(in, "ListGroupsResponse.errorCode");
        String errorMessage = in.readNullableString("ListGroupsResponse.errorMessage");
        return new ListGroupsResponse(errorCode, errorMessage,
                in.readArray("ListGroupsResponse.groups", GroupListing.MIN_BYTES, GroupListing::decode));
    }
}
