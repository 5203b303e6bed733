package io.tributary.broker.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the API's answers: {@code assertThat(response).hasStatus(404).hasError("UNKNOWN_TOPIC")}. */
final class ApiResponseAssert extends AbstractAssert<ApiResponseAssert, HttpResponse<String>> {

    private ApiResponseAssert(HttpResponse<String> actual) {
        super(actual, ApiResponseAssert.class);
    }

    static ApiResponseAssert assertThatResponse(HttpResponse<String> actual) {
        return new ApiResponseAssert(actual);
    }

    ApiResponseAssert hasStatus(int status) {
        isNotNull();
        if (actual.statusCode() != status) {
            failWithMessage("expected status %d but was %d with body %s", status, actual.statusCode(), actual.body());
        }
        return this;
    }

    /** A JSON error body with this {@code error} code, and a message. */
    ApiResponseAssert hasError(String code) {
        JsonNode body = ApiFixture.json(actual);
        assertThat(body.path("error").asText()).as("error code of %s", actual.body()).isEqualTo(code);
        assertThat(body.path("message").asText()).as("message of %s", actual.body()).isNotBlank();
        return this;
    }

    /** An error message that contains every one of {@code parts}. */
    ApiResponseAssert hasMessageContaining(String... parts) {
        assertThat(ApiFixture.json(actual).path("message").asText()).contains(parts);
        return this;
    }

    /** The body as JSON, for further assertions. */
    JsonNode json() {
        return ApiFixture.json(actual);
    }
}
