package io.tributary.broker.http;

import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.config.ByteSize;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every request must get right: its JSON, its size, its route and its method. */
class RequestRulesTest {

    private static final ByteSize LIMIT = ByteSize.ofKibibytes(1);

    @TempDir
    Path data;

    private ApiFixture broker;

    @BeforeEach
    void start() {
        broker = ApiFixture.start(data, config -> config.withMaxRecordBytes(LIMIT).withMaxRequestBytes(LIMIT));
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    // ---------------------------------------------------------------- JSON

    @Test
    void badJson_is400_namingTheProblemAndWhereItIs() {
        assertThatResponse(broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"v\"},]}"))
                .hasStatus(400).hasError("INVALID_REQUEST").hasMessageContaining("not valid JSON", "line 1, column");
    }

    @Test
    void anEmptyBody_is400() {
        assertThatResponse(broker.post("/topics", "")).hasStatus(400).hasMessageContaining("empty");
    }

    @Test
    void aFieldOfTheWrongType_is400_namingItsPath() {
        assertThatResponse(broker.post("/topics/orders/records", "{\"records\": [{\"value\": \"v\", \"partition\": \"one\"}]}"))
                .hasStatus(400).hasMessageContaining("records[0].partition", "whole number");
    }

    @Test
    void anUnknownField_is400_soThatATypoDoesNotPassUnseen() {
        assertThatResponse(broker.post("/topics", "{\"name\": \"orders\", \"partiton\": 3}"))
                .hasStatus(400).hasMessageContaining("partiton");
    }

    @Test
    void aDuplicateKey_is400() {
        assertThatResponse(broker.post("/topics", "{\"name\": \"orders\", \"name\": \"billing\"}"))
                .hasStatus(400).hasMessageContaining("name");
    }

    // ---------------------------------------------------------------- size

    @Test
    void aBodyLargerThanTheLimit_is413() {
        String body = "{\"records\": [{\"value\": \"" + "x".repeat(2000) + "\"}]}";

        assertThatResponse(broker.post("/topics/orders/records", body))
                .hasStatus(413).hasError("REQUEST_TOO_LARGE").hasMessageContaining("tributary.broker.max-request-bytes");
        assertThat(broker.service.find("orders")).isEmpty();
    }

    @Test
    void aChunkedBodyLargerThanTheLimit_is413() {
        byte[] body = ("{\"records\": [{\"value\": \"" + "x".repeat(4000) + "\"}]}").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = broker.send(broker.request("/topics/orders/records")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThatResponse(response).hasStatus(413).hasError("REQUEST_TOO_LARGE");
    }

    @Test
    void aDeclaredLengthAboveTheLimit_is413_beforeTheBodyIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", broker.api.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /topics/orders/records HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();

            String statusLine = new String(in.readNBytes("HTTP/1.1 413".length()), StandardCharsets.US_ASCII);
            assertThat(statusLine).as("answered while the body is still unsent").isEqualTo("HTTP/1.1 413");

            socket.shutdownOutput(); // the client gives up sending; the server then closes the connection
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Connection: close", "REQUEST_TOO_LARGE", "tributary.broker.max-request-bytes");
        }
    }

    // ---------------------------------------------------------------- routes and methods

    @Test
    void anUnknownRoute_is404() {
        assertThatResponse(broker.get("/nowhere")).hasStatus(404).hasError("UNSUPPORTED_API").hasMessageContaining("/nowhere");
        assertThatResponse(broker.get("/topics/orders/partitions")).hasStatus(404);
    }

    @Test
    void aMethodTheRouteDoesNotHave_is405_withTheAllowedMethods() {
        HttpResponse<String> response = broker.send(broker.request("/topics/orders")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}")));

        assertThatResponse(response).hasStatus(405).hasError("UNSUPPORTED_API");
        assertThat(response.headers().firstValue("Allow")).contains("GET, PATCH, DELETE");
    }

    @Test
    void errors_areJson_neverAStackTrace() {
        HttpResponse<String> response = broker.post("/topics/orders/records", "[1, 2]");

        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).doesNotContain("at io.tributary", "Exception");
    }
}
