package io.tributary.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tributary.protocol.message.ApiKey;
import io.tributary.protocol.message.ErrorCode;
import io.tributary.protocol.message.Request;
import io.tributary.protocol.message.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/protocol.md says what the code does: the api and error tables are generated from {@link ApiKey}
 * and {@link ErrorCode}, every message layout from its record ({@link MessageLayout}, whose order
 * {@code MessageLayoutProperties} checks against the bytes), and the example frames are
 * {@link WireExamplesTest}'s. When this fails, the message holds the text to paste into the docs.
 */
class ProtocolDocTest {

    private static final Path DOC = Path.of("..", "docs", "protocol.md");
    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        assumeThat(DOC).as("docs/protocol.md beside this module").exists();
        doc = Files.readString(DOC);
    }

    @Test
    void errorCodeTable_isGeneratedFromErrorCode() {
        assertThat(between("<!-- error-codes:begin -->", "<!-- error-codes:end -->"))
                .isEqualTo(errorCodeTable());
    }

    @Test
    void apiTable_isGeneratedFromApiKey() {
        assertThat(between("<!-- apis:begin -->", "<!-- apis:end -->")).isEqualTo(apiTable());
    }

    @Test
    void everyApi_hasASectionWithItsKeyAndVersion() {
        for (ApiKey api : ApiKey.values()) {
            assertThat(doc).contains(heading(api));
        }
    }

    @Test
    void everyMessage_isLaidOutAsItsRecord() {
        Stream.of(Request.class.getPermittedSubclasses(), Response.class.getPermittedSubclasses())
                .flatMap(Arrays::stream)
                .forEach(type -> assertThat(doc).as(type.getSimpleName()).contains(block(type)));
    }

    @Test
    void requestHeader_isLaidOutAsItsRecord() {
        assertThat(doc).contains(block(RequestHeader.class));
    }

    @Test
    void exampleFrames_areTheTestedOnes() {
        assertThat(doc).contains(WireExamplesTest.END_OFFSET_REQUEST, WireExamplesTest.END_OFFSET_RESPONSE,
                WireExamplesTest.ERROR_RESPONSE);
    }

    static String errorCodeTable() {
        return "| Code | Name | Retriable | Meaning |\n|-----:|------|-----------|---------|\n"
                + Arrays.stream(ErrorCode.values())
                .map(error -> "| " + error.code() + " | `" + error.name() + "` | " + (error.retriable() ? "yes" : "no")
                        + " | " + error.description() + " |\n")
                .collect(Collectors.joining());
    }

    static String apiTable() {
        return "| Key | Api | Versions |\n|----:|-----|----------|\n"
                + Arrays.stream(ApiKey.values())
                .map(api -> "| " + api.id() + " | [`" + api.name() + "`](#" + anchor(api) + ") | "
                        + (api.minVersion() == api.currentVersion() ? "" + api.currentVersion()
                                : api.minVersion() + "–" + api.currentVersion()) + " |\n")
                .collect(Collectors.joining());
    }

    /** The section heading of {@code api}; GitHub makes the anchor {@link #anchor} of it. */
    static String heading(ApiKey api) {
        return "### " + api.name() + ", key " + api.id() + ", version " + api.currentVersion() + "\n";
    }

    private static String anchor(ApiKey api) {
        return api.name().toLowerCase() + "-key-" + api.id() + "-version-" + api.currentVersion();
    }

    @SuppressWarnings("unchecked")
    private static String block(Class<?> type) {
        return "```\n" + type.getSimpleName() + "\n" + indent(MessageLayout.render((Class<? extends Record>) type)) + "```\n";
    }

    private static String indent(String lines) {
        return lines.lines().map(line -> "  " + line + "\n").collect(Collectors.joining());
    }

    private static String between(String begin, String end) {
        int from = doc.indexOf(begin);
        int to = doc.indexOf(end);
        assertThat(from).as(begin).isNotNegative();
        assertThat(to).as(end).isGreaterThan(from);
        return doc.substring(from + begin.length(), to).strip() + "\n";
    }
}
