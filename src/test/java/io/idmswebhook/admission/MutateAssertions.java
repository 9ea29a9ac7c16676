package io.idmswebhook.admission;

import static io.idmswebhook.admission.AdmissionClient.body;
import static io.idmswebhook.admission.AdmissionClient.patch;
import static io.idmswebhook.admission.AdmissionClient.post;
import static io.idmswebhook.testsupport.Reviews.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.zjsonpatch.JsonPatch;
import java.net.URL;

/** The checks every golden case goes through, shared by the D5-off and D5-on test classes. */
final class MutateAssertions {

    private MutateAssertions() {
    }

    /** Posts the fixture's object, compares patch and warnings with the fixture; returns the patched object. */
    static JsonNode assertGolden(URL mutate, JsonNode fixture) {
        JsonNode object = fixture.get("object");
        JsonNode answer = body(post(mutate, review("golden", "CREATE", object, null)));
        assertEquals("golden", answer.at("/response/uid").asText());
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertEquals("JSONPatch", answer.at("/response/patchType").asText());
        JsonNode patch = patch(answer);
        assertNotNull(patch, answer::toString);
        assertEquals(fixture.get("patch"), patch);
        assertEquals(fixture.get("warnings"), answer.at("/response/warnings"));
        return JsonPatch.apply(patch, object);
    }

    /** The patched object passes /validate, and /mutate leaves it alone. */
    static void assertValidAndStable(URL mutate, URL validate, JsonNode patched) {
        JsonNode verdict = body(post(validate, review("validate", "CREATE", patched, null)));
        assertTrue(verdict.at("/response/allowed").asBoolean(), verdict::toString);
        JsonNode again = body(post(mutate, review("again", "CREATE", patched, null)));
        assertTrue(again.at("/response/allowed").asBoolean(), again::toString);
        assertFalse(again.path("response").has("patch"), again::toString);
        assertFalse(again.path("response").has("warnings"), again::toString);
    }
}
