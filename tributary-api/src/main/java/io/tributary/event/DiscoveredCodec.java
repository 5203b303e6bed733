package io.tributary.event;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Finds the one {@link EventDataCodec} registered with {@link ServiceLoader} and remembers it. */
final class DiscoveredCodec {

    private static volatile @Nullable EventDataCodec cached;

    private DiscoveredCodec() {}

    static EventDataCodec get() {
        EventDataCodec codec = cached;
        if (codec == null) {
            codec = load();
            cached = codec; // racing threads load the same provider; either instance will do
        }
        return codec;
    }

    private static EventDataCodec load() {
        List<EventDataCodec> found = ServiceLoader.load(EventDataCodec.class, EventDataCodec.class.getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (found.isEmpty()) {
            throw new EventDataException("no EventDataCodec is on the classpath, so event data cannot be converted"
                    + " to or from objects: add the module io.tributary:tributary-json (it registers a Jackson codec),"
                    + " or pass a codec explicitly with Event.Builder.codec(...) and Event.dataAs(type, codec)");
        }
        if (found.size() > 1) {
            throw new EventDataException("more than one EventDataCodec is on the classpath ("
                    + found.stream().map(c -> c.getClass().getName()).collect(Collectors.joining(", "))
                    + "): remove all but one, or pass the one you mean with Event.Builder.codec(...) and"
                    + " Event.dataAs(type, codec)");
        }
        return found.getFirst();
    }
}
