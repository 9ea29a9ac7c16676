package io.idmswebhook.admission;

import static io.idmswebhook.admission.AdmissionClient.JSON;
import static io.idmswebhook.admission.AdmissionClient.body;
import static io.idmswebhook.admission.AdmissionClient.fixture;
import static io.idmswebhook.admission.AdmissionClient.patch;
import static io.idmswebhook.admission.AdmissionClient.post;
import static io.idmswebhook.testsupport.Reviews.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.idmswebhook.TestCertificates;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /mutate} with D5 off (the default): golden patches, round trips, D0 denials. */
@QuarkusTest
@WithTestResource(value = TestCertificates.class, scope = TestResourceScope.GLOBAL)
class MutateResourceTest {

    @TestHTTPResource(value = "/mutate", tls = true)
    URL mutate;

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    /**
     * The returned patch equals the golden one, the warnings are one per change, the patched
     * object passes /validate, and sending the patched object again yields no patch.
     */
    @ParameterizedTest
    @ValueSource(strings = {"d1-trim", "d2-trailing-slash", "d3-https", "d4-repeats", "icsp-repeats-kept", "unknown-fields"})
    void goldenPatchAppliesValidatesAndIsIdempotent(String name) {
        JsonNode fixture = fixture(name);
        JsonNode patched = MutateAssertions.assertGolden(mutate, fixture);
        MutateAssertions.assertValidAndStable(mutate, validate, patched);
    }

    @Test
    void unknownFieldsAtEveryLevelSurvive() {
        JsonNode original = fixture("unknown-fields").get("object");
        JsonNode answer = body(post(mutate, review("u-1", "CREATE", original, null)));
        JsonNode patched = JsonPatch.apply(patch(answer), original);
        for (String pointer : List.of("/topLevelFuture", "/metadata/labels", "/metadata/annotations", "/metadata/managedFields",
                "/spec/specFuture", "/spec/imageDigestMirrors/0/entryFuture", "/status")) {
            assertEquals(original.at(pointer), patched.at(pointer), pointer);
            assertFalse(patched.at(pointer).isMissingNode(), pointer);
        }
        // An https:// in an annotation is not a location: only spec values are defaulted.
        assertEquals("https://quay.io/ns/", patched.at("/metadata/annotations/note").asText());
    }

    @Test
    void explicitPolicyIsOffByDefault() {
        JsonNode answer = body(post(mutate, review("u-2", "CREATE", fixture("d5-explicit-policy").get("object"), null)));
        assertTrue(answer.at("/response/allowed").asBoolean());
        assertFalse(answer.path("response").has("patch"), answer::toString);
        assertFalse(answer.path("response").has("patchType"), answer::toString);
        assertFalse(answer.path("response").has("warnings"), answer::toString);
    }

    @Test
    void cleanObjectGetsNoPatchAndEchoesTheUid() {
        JsonNode answer = body(post(mutate, review("uid-echo-7", "CREATE", idms("quay.io/ns", "mirror.example.net/ns"), null)));
        assertEquals("uid-echo-7", answer.at("/response/uid").asText());
        assertEquals("admission.k8s.io/v1", answer.path("apiVersion").asText());
        assertTrue(answer.at("/response/allowed").asBoolean());
        assertFalse(answer.path("response").has("patch"));
    }

    @Test
    void uppercasePathIsDeniedWithOurMessageNotTheSchemas() {
        JsonNode answer = body(post(mutate, review("u-3", "CREATE", idms("quay.io/ns", "mirror.example.net/NS/"), null)));
        assertFalse(answer.at("/response/allowed").asBoolean());
        assertEquals(403, answer.at("/response/status/code").asInt());
        String message = answer.at("/response/status/message").asText();
        assertEquals("spec.imageDigestMirrors[0].mirrors[0]: mirror \"mirror.example.net/NS\" has uppercase letters in the path"
                + " component \"NS\"; repository paths are lowercase; write \"ns\" [S1]", message);
        assertFalse(answer.path("response").has("patch"), "a denial carries no patch");
        assertFalse(answer.path("response").has("warnings"), "nothing was normalised");
    }

    @Test
    void httpIsNeverStrippedButDeniedWithTheInsecureRegistriesAdvice() {
        JsonNode answer = body(post(mutate, review("u-4", "CREATE", idms("quay.io/ns", "http://quay.io/ns"), null)));
        assertFalse(answer.at("/response/allowed").asBoolean());
        String message = answer.at("/response/status/message").asText();
        assertTrue(message.startsWith("spec.imageDigestMirrors[0].mirrors[0]: mirror \"http://quay.io/ns\" has the scheme"), message);
        assertTrue(message.contains("insecureRegistries") && message.endsWith("[S1]"), message);
    }

    @Test
    void unknownPolicyIsDeniedAsS5() {
        ObjectNode object = idms("quay.io/ns", "mirror.example.net/ns");
        ((ObjectNode) object.at("/spec/imageDigestMirrors/0")).put("mirrorSourcePolicy", "Never");
        JsonNode answer = body(post(mutate, review("u-5", "CREATE", object, null)));
        assertFalse(answer.at("/response/allowed").asBoolean());
        assertTrue(answer.at("/response/status/message").asText().endsWith("[S5]"));
    }

    @Test
    void deniesNeitherWarningsNorRulesTheSchemaAccepts() {
        // S4 (Docker Hub path), S2 (port), P1 (policy without mirror): /validate denies them, after the schema.
        ObjectNode object = idms("registry/ns", "mirror.example.net:99999/ns");
        ((ArrayNode) object.at("/spec/imageDigestMirrors")).addObject().put("source", "quay.io/x")
                .put("mirrorSourcePolicy", "NeverContactSource");
        JsonNode answer = body(post(mutate, review("u-6", "CREATE", object, null)));
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertFalse(answer.path("response").has("warnings"), "warnings are the validating webhook's");
        assertFalse(body(post(validate, review("u-6", "CREATE", object, null))).at("/response/allowed").asBoolean());
    }

    @Test
    void updateKeepingAnOldBadValueIsNotDeniedButStillRepaired() {
        ObjectNode old = idms("quay.io/ns", "mirror.example.net/NS");
        ObjectNode now = idms("quay.io/ns", "mirror.example.net/NS", "other.example.net/ns/");
        JsonNode answer = body(post(mutate, review("u-7", "UPDATE", now, old)));
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertEquals(JSON.createArrayNode().add(JSON.createObjectNode().put("op", "replace")
                .put("path", "/spec/imageDigestMirrors/0/mirrors/1").put("value", "other.example.net/ns")), patch(answer));
        JsonNode created = body(post(mutate, review("u-8", "CREATE", now, null)));
        assertFalse(created.at("/response/allowed").asBoolean(), "the same value on CREATE is denied");
    }

    @Test
    void deleteIsAllowedUnchanged() {
        JsonNode answer = body(post(mutate, review("u-9", "DELETE", idms("quay.io/ns/", "mirror.example.net/ns/"), null)));
        assertTrue(answer.at("/response/allowed").asBoolean());
        assertFalse(answer.path("response").has("patch"));
    }

    @Test
    void unreadableObjectIsDeniedAsX4() {
        ObjectNode object = idms("quay.io/ns", "mirror.example.net/ns");
        ((ObjectNode) object.at("/spec/imageDigestMirrors/0")).put("source", 5);
        JsonNode answer = body(post(mutate, review("u-10", "CREATE", object, null)));
        assertFalse(answer.at("/response/allowed").asBoolean());
        assertTrue(answer.at("/response/status/message").asText().endsWith("[X4]"));
    }

    @Test
    void bodyThatIsNotAReviewGets400AndWrongMediaType415() {
        Response notJson = post(mutate, "{\"apiVersion\":".getBytes(StandardCharsets.UTF_8), "application/json");
        assertEquals(400, notJson.statusCode());
        assertTrue(body(notJson).path("message").asText().contains("not valid JSON"));
        ObjectNode noUid = review("x", "CREATE", idms("quay.io/ns", "m.example.net/ns"), null);
        ((ObjectNode) noUid.get("request")).remove("uid");
        assertEquals(400, post(mutate, noUid).statusCode());
        Response text = post(mutate, "{}".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(415, text.statusCode());
        assertEquals("UnsupportedMediaType", body(text).path("reason").asText());
        assertEquals(415, post(validate, "{}".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode());
    }

    static ObjectNode idms(String source, String... mirrors) {
        ObjectNode object = JSON.createObjectNode().put("apiVersion", "config.openshift.io/v1")
                .put("kind", "ImageDigestMirrorSet");
        object.putObject("metadata").put("name", "t");
        ObjectNode entry = object.putObject("spec").putArray("imageDigestMirrors").addObject().put("source", source);
        ArrayNode list = entry.putArray("mirrors");
        for (String m : mirrors) {
            list.add(m);
        }
        return object;
    }
}
