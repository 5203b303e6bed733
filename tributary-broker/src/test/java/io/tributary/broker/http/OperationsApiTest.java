package io.tributary.broker.http;

import static io.tributary.broker.http.ApiFixture.json;
import static io.tributary.broker.http.ApiResponseAssert.assertThatResponse;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationsApiTest {

    @TempDir
    Path data;

    private ApiFixture broker;

    @BeforeEach
    void start() {
        broker = ApiFixture.start(data);
    }

    @AfterEach
    void stop() {
        broker.close();
    }

    @Test
    void healthz_isOk_withTheClusterId() {
        HttpResponse<String> health = broker.get("/healthz");

        assertThatResponse(health).hasStatus(200);
        assertThat(json(health).toString()).isEqualTo("{\"status\":\"ok\",\"clusterId\":\"test-cluster\"}");
    }

    @Test
    void metrics_countRequestsByMethodRouteTemplateAndStatus() {
        broker.get("/healthz");
        broker.get("/topics/orders");
        broker.get("/no/such/route");

        HttpResponse<String> metrics = broker.get("/metrics");

        assertThatResponse(metrics).hasStatus(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/plain; version=0.0.4"));
        assertThat(metrics.body())
                .contains("tributary_http_requests_seconds_count{method=\"GET\",route=\"/healthz\",status=\"200\"}")
                .contains("route=\"/topics/{topic}\",status=\"404\"")
                .contains("route=\"unmatched\",status=\"404\"")
                .doesNotContain("orders");
    }
}
