package io.idmswebhook.enforcement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.testsupport.Reviews;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/** Reviews posted to /validate and /mutate over HTTPS, and the answers' parts the enforcement tests read. */
final class Endpoints {

    static final ObjectMapper JSON = new ObjectMapper();

    private Endpoints() {
    }

    /** An IDMS with the given entries, each {source, policy or null, mirrors...}. */
    static ObjectNode idms(String name, String[]... entries) {
        ObjectNode obj = JSON.createObjectNode().put("apiVersion", "config.openshift.io/v1")
                .put("kind", "ImageDigestMirrorSet");
        obj.putObject("metadata").put("name", name);
        ArrayNode list = obj.putObject("spec").putArray("imageDigestMirrors");
        for (String[] e : entries) {
            ObjectNode entry = list.addObject().put("source", e[0]);
            if (e[1] != null) {
                entry.put("mirrorSourcePolicy", e[1]);
            }
            ArrayNode mirrors = entry.putArray("mirrors");
            for (int i = 2; i < e.length; i++) {
                mirrors.add(e[i]);
            }
        }
        return obj;
    }

    static String[] entry(String source, String policy, String... mirrors) {
        String[] e = new String[mirrors.length + 2];
        e[0] = source;
        e[1] = policy;
        System.arraycopy(mirrors, 0, e, 2, mirrors.length);
        return e;
    }

    /** The {@code response} of the answer to a review of {@code operation}; fails on anything but HTTP 200. */
    static JsonNode send(URL endpoint, String operation, JsonNode object, JsonNode old) {
        try {
            Response r = given().relaxedHTTPSValidation().contentType("application/json")
                    .body(JSON.writeValueAsBytes(Reviews.review(operation, object, old))).when().post(endpoint)
                    .then().extract().response();
            assertEquals(200, r.statusCode(), r::asString);
            return JSON.readTree(r.asByteArray()).path("response");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> warnings(JsonNode response) {
        List<String> out = new ArrayList<>();
        response.path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }
}
