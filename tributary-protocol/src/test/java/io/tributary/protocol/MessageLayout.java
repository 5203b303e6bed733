package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.format.RecordBatch;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.wire.MemoryRecords;
import io.tributary.protocol.wire.RecordsSource;
import io.tributary.protocol.wire.WireReader;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The field layout of a message, derived from its record components, in the notation of
 * docs/protocol.md. {@link #render} prints it for the docs; {@link #walk} reads a message's encoded bytes
 * following that layout alone and checks that every field holds the value of its component, which
 * proves that the printed layout is the order of the bytes.
 *
 * <p>Types: {@code boolean}, {@code byte}, {@code short}, {@code int}, {@code long}, {@code String} (with
 * {@link Nullable}: a nullable string), {@link ErrorCode} (int16), {@code List} of strings, of integers or
 * of records (arrays), {@code Map<String, String>} (maps), {@link RecordBatch} (one batch as bytes) and
 * {@link RecordsSource} (records).
 */
final class MessageLayout {

    private static final int TYPE_COLUMN = 26;
    private static final int INDENT = 2;

    private MessageLayout() {
    }

    /** The layout of {@code type}, one field per line, nested fields indented, as the docs print it. */
    static String render(Class<? extends Record> type) {
        StringBuilder text = new StringBuilder();
        render(type, 0, text);
        return text.toString();
    }

    /**
     * Reads {@code message}'s fields from {@code in}, in the order of its components and as their types
     * say, asserting that each holds the component's value.
     */
    static void walk(Record message, WireReader in) {
        for (RecordComponent component : message.getClass().getRecordComponents()) {
            Object value = valueOf(component, message);
            String field = message.getClass().getSimpleName() + "." + component.getName();
            walkValue(field, component.getGenericType(), isNullable(component), value, in);
        }
    }

    private static void render(Class<?> type, int depth, StringBuilder text) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = " ".repeat(depth * INDENT) + component.getName();
            Type generic = component.getGenericType();
            text.append(name).append(" ".repeat(Math.max(1, TYPE_COLUMN - name.length())))
                    .append(typeName(generic, isNullable(component))).append('\n');
            if (elementType(generic) instanceof Class<?> element && element.isRecord()) {
                render(element, depth + 1, text);
            }
        }
    }

    private static String typeName(Type type, boolean nullable) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            Type element = parameterized.getActualTypeArguments()[0];
            if (element == String.class) {
                return "array of string";
            }
            return element == Integer.class ? "array of int32" : "array of:";
        }
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Map.class) {
            return "map of string to string";
        }
        if (type == boolean.class) {
            return "boolean";
        }
        if (type == byte.class) {
            return "int8";
        }
        if (type == short.class) {
            return "int16";
        }
        if (type == int.class) {
            return "int32";
        }
        if (type == long.class) {
            return "int64";
        }
        if (type == String.class) {
            return nullable ? "nullable string" : "string";
        }
        if (type == ErrorCode.class) {
            return "int16 error code";
        }
        if (type == RecordBatch.class) {
            return "bytes: one whole batch";
        }
        if (type == RecordsSource.class) {
            return "records";
        }
        throw new IllegalArgumentException("no wire type for " + type);
    }

    private static void walkValue(String field, Type type, boolean nullable, @Nullable Object value, WireReader in) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            List<?> list = (List<?>) value;
            assertThat(in.readInt(field)).as(field + " count").isEqualTo(list.size());
            Type element = parameterized.getActualTypeArguments()[0];
            for (Object item : list) {
                if (element == String.class) {
                    assertThat(in.readString(field)).as(field).isEqualTo(item);
                } else if (element == Integer.class) {
                    assertThat(in.readInt(field)).as(field).isEqualTo(item);
                } else {
                    walk((Record) item, in);
                }
            }
        } else if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == Map.class) {
            Map<?, ?> map = (Map<?, ?>) value;
            assertThat(in.readInt(field)).as(field + " count").isEqualTo(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertThat(in.readString(field)).as(field + " key").isEqualTo(entry.getKey());
                assertThat(in.readString(field)).as(field + " value").isEqualTo(entry.getValue());
            }
        } else if (type == boolean.class) {
            assertThat(in.readBoolean(field)).as(field).isEqualTo(value);
        } else if (type == byte.class) {
            assertThat(in.readByte(field)).as(field).isEqualTo(value);
        } else if (type == short.class) {
            assertThat(in.readShort(field)).as(field).isEqualTo(value);
        } else if (type == int.class) {
            assertThat(in.readInt(field)).as(field).isEqualTo(value);
        } else if (type == long.class) {
            assertThat(in.readLong(field)).as(field).isEqualTo(value);
        } else if (type == String.class) {
            assertThat(nullable ? in.readNullableString(field) : in.readString(field)).as(field).isEqualTo(value);
        } else if (type == ErrorCode.class) {
            assertThat(in.readShort(field)).as(field).isEqualTo(((ErrorCode) value).code());
        } else if (type == RecordBatch.class) {
            assertThat(in.readBytes(field)).as(field).isEqualTo(((RecordBatch) value).buffer());
        } else if (type == RecordsSource.class) {
            ByteBuffer expected = ((MemoryRecords) value).buffer();
            assertThat(in.readBytes(field)).as(field).isEqualTo(expected);
        } else {
            throw new IllegalArgumentException("no wire type for " + type);
        }
    }

    private static @Nullable Type elementType(Type type) {
        return type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class
                ? parameterized.getActualTypeArguments()[0] : null;
    }

    private static boolean isNullable(RecordComponent component) {
        AnnotatedType annotated = component.getAnnotatedType();
        return annotated.isAnnotationPresent(Nullable.class);
    }

    private static @Nullable Object valueOf(RecordComponent component, Record message) {
        try {
            return component.getAccessor().invoke(message);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + component, e);
        }
    }
}
