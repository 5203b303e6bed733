package io.tributary.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * Arbitrary valid events for property tests, shared with the modules above through the test-jar. They reach
 * every attribute, every limit's neighbourhood that matters for encodings (nanoseconds, non-ASCII text,
 * extensions, empty and JSON-looking data) without being slow.
 */
public final class EventArbitraries {

    private static final List<String> CONTENT_TYPES = List.of(Event.APPLICATION_JSON, "application/vnd.order+json",
            "application/json; charset=utf-8", "text/plain; charset=utf-8", "application/octet-stream",
            "application/xml");
    private static final List<String> JSON_TEXTS = List.of("{\"a\":1}", "{ \"a\" : [1, 2.5e3, true, null] }",
            "\"text\"", "123", "-0.5", "null", "true", "[]", "{}", "{\"n\":\"ü\\u2028\u2028😀\"}", " {\"padded\":1}",
            "{\"trailing\":1}\n", "{\n  \"lines\": [1,\r\n 2]\n}", "{\"a\":1}{\"b\":2}", "{\"unclosed\":", "", "\"\\ud800\"");

    private EventArbitraries() {}

    /** Valid events, with every optional attribute sometimes absent. */
    public static Arbitrary<Event> events() {
        return Builders.withBuilder(() -> Event.builder("placeholder"))
                .use(ids()).in(Event.Builder::id)
                .use(text(1, 60)).in(Event.Builder::source)
                .use(types()).in(Event.Builder::type)
                .use(times()).in(Event.Builder::time)
                .use(text(1, 60).injectNull(0.4)).in(Event.Builder::subject)
                .use(Arbitraries.of("https://schemas.example.com/order/2", "urn:schema:x", "schema.json")
                        .injectNull(0.5)).in(Event.Builder::dataschema)
                .use(Arbitraries.of(CONTENT_TYPES).injectNull(0.3)).in(Event.Builder::datacontenttype)
                .use(text(1, 40).injectNull(0.3)).in(Event.Builder::key)
                .use(Arbitraries.oneOf(Arbitraries.integers().between(1, 5),
                        Arbitraries.integers().between(1, Integer.MAX_VALUE))).in(Event.Builder::version)
                .use(text(1, 40).injectNull(0.4)).in(Event.Builder::correlationId)
                .use(traceparents().injectNull(0.5)).in(Event.Builder::traceparent)
                .use(text(1, 60).injectNull(0.6)).in(Event.Builder::tracestate)
                .use(extensions()).in((builder, extensions) -> {
                    extensions.forEach(builder::extension);
                    return builder;
                })
                .use(data()).in(Event.Builder::data)
                .build(Event.Builder::build);
    }

    /** Valid types: 1 to 5 tokens joined by '.' or ':'. */
    public static Arbitrary<String> types() {
        Arbitrary<String> token = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_', '-').ofMinLength(1).ofMaxLength(8);
        return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(5), Arbitraries.of('.', ':').list().ofSize(4))
                .as((tokens, separators) -> {
                    StringBuilder type = new StringBuilder(tokens.getFirst());
                    for (int i = 1; i < tokens.size(); i++) {
                        type.append(separators.get(i - 1)).append(tokens.get(i));
                    }
                    return type.toString();
                });
    }

    /** Instants anywhere in RFC 3339's range, with all nine fraction digits in use. */
    public static Arbitrary<Instant> times() {
        Arbitrary<Long> seconds = Arbitraries.oneOf(
                Arbitraries.longs().between(Event.MIN_TIME.getEpochSecond(), Event.MAX_TIME.getEpochSecond()),
                Arbitraries.longs().between(1_600_000_000L, 1_900_000_000L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.integers().between(0, 999_999_999),
                Arbitraries.of(0, 1, 123_000_000, 999_999_999));
        return Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    /** Text of well-formed code points: mostly ASCII, sometimes any plane. */
    public static Arbitrary<String> text(int minLength, int maxLength) {
        Arbitrary<Integer> codePoint = Arbitraries.oneOf(
                Arbitraries.integers().between(0x20, 0x7E),
                Arbitraries.integers().between(0, 0x10FFFF).filter(cp -> cp < 0xD800 || cp > 0xDFFF));
        return codePoint.list().ofMinSize(minLength).ofMaxSize(maxLength)
                .map(points -> points.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    private static Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.create(EventIds::next), text(1, 40));
    }

    private static Arbitrary<String> traceparents() {
        Arbitrary<String> traceId = Arbitraries.strings().withChars("0123456789abcdef").ofLength(32)
                .filter(s -> !s.chars().allMatch(c -> c == '0'));
        Arbitrary<String> parentId = Arbitraries.strings().withChars("0123456789abcdef").ofLength(16)
                .filter(s -> !s.chars().allMatch(c -> c == '0'));
        Arbitrary<String> flags = Arbitraries.strings().withChars("0123456789abcdef").ofLength(2);
        return Combinators.combine(traceId, parentId, flags).as((t, p, f) -> "00-" + t + "-" + p + "-" + f);
    }

    private static Arbitrary<Map<String, String>> extensions() {
        Arbitrary<String> name = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .ofMinLength(1).ofMaxLength(Event.MAX_EXTENSION_NAME_LENGTH)
                .filter(n -> !EventValidation.RESERVED_NAMES.contains(n));
        return Arbitraries.maps(name, Arbitraries.oneOf(Arbitraries.just(""), text(1, 30))).ofMaxSize(4);
    }

    private static Arbitrary<byte[]> data() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64),
                Arbitraries.of(JSON_TEXTS).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.just(new byte[0]));
    }
}
