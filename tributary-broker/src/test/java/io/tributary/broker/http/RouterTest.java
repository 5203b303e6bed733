package io.tributary.broker.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final RouteHandler HANDLER = request -> Response.noContent();

    private final Router router = new Router()
            .add("GET", "/topics", HANDLER)
            .add("GET", "/topics/{topic}", HANDLER)
            .add("DELETE", "/topics/{topic}", HANDLER)
            .add("GET", "/topics/{topic}/partitions/{partition}/records", HANDLER);

    @Test
    void match_bindsTheTemplatesParameters() {
        assertThat(router.match("GET", "/topics/orders/partitions/2/records"))
                .isEqualTo(new Router.Found("/topics/{topic}/partitions/{partition}/records", HANDLER,
                        Map.of("topic", "orders", "partition", "2")));
    }

    @Test
    void match_decodesParameters_andIgnoresOneTrailingSlash() {
        assertThat(router.match("GET", "/topics/a%2Eb+c/")).isEqualTo(new Router.Found("/topics/{topic}", HANDLER,
                Map.of("topic", "a.b+c")));
        assertThat(router.match("GET", "/topics/")).isInstanceOf(Router.Found.class);
    }

    @Test
    void match_ofAPathWithoutARoute_isNotFound() {
        assertThat(router.match("GET", "/topics/orders/partitions")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "/topics//partitions/0/records")).isInstanceOf(Router.NotFound.class);
        assertThat(router.match("GET", "")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void match_ofAMethodTheRouteLacks_listsTheAllowedOnes() {
        assertThat(router.match("POST", "/topics/orders"))
                .isEqualTo(new Router.MethodNotAllowed("/topics/{topic}", Set.of("GET", "DELETE")));
    }
}
