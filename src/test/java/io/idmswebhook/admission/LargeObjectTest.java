package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.Golden;
import io.idmswebhook.Https;
import io.idmswebhook.testsupport.OcMirrorObjects;
import io.idmswebhook.testsupport.Reviews;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Objects of the sizes oc-mirror writes, sent through POST /validate: allowed, with nothing to
 * say about them. The answer time is printed for the benchmark notes, not asserted: the build
 * machine's load decides it.
 */
@QuarkusTest
class LargeObjectTest {

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    @ParameterizedTest(name = "{0} entries")
    @ValueSource(ints = {2_500, 10_000})
    void anOcMirrorObjectIsAllowed(int entries) {
        ObjectNode object = OcMirrorObjects.idms("oc-mirror-" + entries, entries);
        byte[] body = Reviews.bytes(Reviews.review("CREATE", object, null));
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            Response r = Https.to(webhook).contentType("application/json").body(body).post("/validate");
            long took = System.nanoTime() - start;
            best = Math.min(best, took);
            assertEquals(200, r.statusCode(), r::asString);
            JsonNode response = Golden.tree(r.asByteArray()).path("response");
            assertTrue(response.path("allowed").asBoolean(), () -> response.path("status").toString());
            assertTrue(response.path("warnings").isEmpty(), () -> response.path("warnings").toString());
        }
        System.out.printf("LargeObjectTest: /validate answered a %,d-entry IDMS (%,d bytes) in %.1f ms (best of 3)%n",
                entries, body.length, best / 1e6);
    }
}
