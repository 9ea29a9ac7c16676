package io.idmswebhook.enforcement;

import static io.idmswebhook.enforcement.Endpoints.entry;
import static io.idmswebhook.enforcement.Endpoints.idms;
import static io.idmswebhook.enforcement.Endpoints.send;
import static io.idmswebhook.enforcement.Endpoints.warnings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.TestCertificates;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-rule overrides in deny mode, through /validate and /mutate. */
@QuarkusTest
@TestProfile(EnforcementOverridesTest.Overrides.class)
@WithTestResource(value = TestCertificates.class, scope = TestResourceScope.GLOBAL)
class EnforcementOverridesTest {

    public static class Overrides implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "idms.enforcement.rules.P1", "warn",
                    "idms.enforcement.rules.S1", "warn",
                    "idms.enforcement.rules.S9", "deny",
                    "idms.enforcement.rules.S10", "off");
        }
    }

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    @TestHTTPResource(value = "/mutate", tls = true)
    URL mutate;

    @Test
    void aRuleLoweredToWarnIsAllowedWithAWouldBeDenialAndTheOthersStillDeny() {
        JsonNode lowered = send(validate, "CREATE", idms("p1", entry("quay.io/app", "NeverContactSource")), null);
        assertTrue(lowered.path("allowed").asBoolean(), lowered::toString);
        assertTrue(warnings(lowered).get(0).startsWith("would deny: ") && warnings(lowered).get(0).endsWith("[P1]"),
                lowered::toString);

        JsonNode s2 = send(validate, "CREATE", idms("s2", entry("quay.io/app", "NeverContactSource"),
                entry("quay.io/ns", null, "mirror.corp.example:99999/ns")), null);
        assertFalse(s2.path("allowed").asBoolean(), s2::toString);
        String message = s2.path("status").path("message").asText();
        assertTrue(message.endsWith("[S2]") && !message.contains("[P1]"), message);
        assertTrue(warnings(s2).stream().anyMatch(w -> w.startsWith("would deny: ") && w.endsWith("[P1]")), s2::toString);
    }

    @Test
    void denyMakesAWarningRuleDeny() {
        JsonNode r = send(validate, "CREATE", idms("local", entry("quay.io/ns", null, "localhost:5000/ns")), null);
        assertFalse(r.path("allowed").asBoolean(), r::toString);
        assertTrue(r.path("status").path("message").asText().endsWith("[S9]"), r::toString);
        assertEquals(403, r.path("status").path("code").asInt(), r::toString);
    }

    @Test
    void offDropsTheRule() {
        JsonNode r = send(validate, "CREATE", idms("hub", entry("docker.io/nginx", null, "mirror.corp.example/nginx")), null);
        assertTrue(r.path("allowed").asBoolean(), r::toString);
        assertTrue(warnings(r).stream().noneMatch(w -> w.contains("[S10]")), r::toString);
    }

    @Test
    void aSchemaDenialOfMutateLoweredToWarnLeavesTheObjectUnpatchedAndAllowed() {
        JsonNode obj = idms("scheme", entry("quay.io/ns/", null, "http://mirror.corp.example/ns"));
        JsonNode m = send(mutate, "CREATE", obj, null);
        assertTrue(m.path("allowed").asBoolean(), m::toString);
        assertTrue(m.path("patch").isMissingNode(), m::toString);
        JsonNode v = send(validate, "CREATE", obj, null);
        assertTrue(v.path("allowed").asBoolean(), v::toString);
        List<String> w = warnings(v);
        assertTrue(w.stream().anyMatch(s -> s.startsWith("would deny: spec.imageDigestMirrors[0].mirrors[0]: ")
                && s.endsWith("[S1]")), w::toString);
    }
}
