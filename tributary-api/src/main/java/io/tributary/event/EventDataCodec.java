package io.tributary.event;

/**
 * Converts an event's {@code data} between application objects and bytes. {@link Event.Builder#data(Object)}
 * encodes with it and {@link Event#dataAs(Class)} decodes with it.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.tributary.event.EventDataCodec} entry); the module {@code tributary-json}
 * registers one for JSON. {@code tributary-api} itself ships none, so that it depends on nothing but the
 * JDK. A codec can always be passed explicitly instead ({@link Event.Builder#codec},
 * {@link Event#dataAs(Class, EventDataCodec)}), which is what tests should do.
 *
 * <p>Implementations must be thread-safe: one instance serves every thread.
 */
public interface EventDataCodec {

    /**
     * The media type of what {@link #encode} produces, e.g. {@code application/json}; the builder writes it
     * to {@code datacontenttype} unless one was set explicitly.
     */
    String contentType();

    /**
     * Encodes {@code value} into bytes.
     *
     * @throws EventDataException naming the value's class and what could not be encoded
     */
    byte[] encode(Object value);

    /**
     * Decodes {@code data} into an instance of {@code type}.
     *
     * @throws EventDataException naming {@code type} and where in {@code data} decoding failed
     */
    <T> T decode(byte[] data, Class<T> type);

    /**
     * The codec registered on the classpath of {@code tributary-api}'s class loader, looked up once and then
     * cached.
     *
     * @throws EventDataException when none is registered (add {@code io.tributary:tributary-json}) or more
     *                            than one is (pass the one you mean explicitly)
     */
    static EventDataCodec discovered() {
        return DiscoveredCodec.get();
    }
}
