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
import io.idmswebhook.ops.Scrape;
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

/** {@code idms.enforcement.mode=warn}: nothing is denied, each denial is a "would deny:" warning, and counted. */
@QuarkusTest
@TestProfile(EnforcementWarnModeTest.WarnMode.class)
@WithTestResource(value = TestCertificates.class, scope = TestResourceScope.GLOBAL)
class EnforcementWarnModeTest {

    public static class WarnMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("idms.enforcement.mode", "warn");
        }
    }

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    @TestHTTPResource(value = "/mutate", tls = true)
    URL mutate;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** P1 (a policy without a mirror) and S2 (port out of range): two denials in deny mode. */
    static final JsonNode TWO_DENIALS = idms("two-denials", entry("quay.io/app", "NeverContactSource"),
            entry("quay.io/ns", null, "mirror.corp.example:99999/ns"));

    @Test
    void validateAllowsAndWarnsWithWhatItWouldDeny() {
        double before = Scrape.of(metrics).valueOrZero("idms_webhook_rule_would_deny_total", Map.of("rule", "P1"));
        double reviewsBefore = Scrape.of(metrics).valueOrZero("idms_webhook_reviews_would_deny_total",
                Map.of("webhook", "validate"));
        JsonNode r = send(validate, "CREATE", TWO_DENIALS, null);
        assertTrue(r.path("allowed").asBoolean(), r::toString);
        assertTrue(r.path("status").path("message").isMissingNode() || r.path("status").path("message").asText().isEmpty(),
                r::toString);
        List<String> w = warnings(r);
        List<String> lowered = w.stream().filter(s -> s.startsWith("would deny: ")).toList();
        assertEquals(2, lowered.size(), w::toString);
        assertTrue(lowered.stream().anyMatch(s -> s.startsWith("would deny: spec.imageDigestMirrors[0].mirrorSourcePolicy: ")
                && s.endsWith("[P1]")), w::toString);
        assertTrue(lowered.stream().anyMatch(s -> s.endsWith("[S2]")), w::toString);
        Scrape after = Scrape.of(metrics);
        assertEquals(before + 1, after.value("idms_webhook_rule_would_deny_total", Map.of("rule", "P1")));
        assertEquals(reviewsBefore + 1, after.value("idms_webhook_reviews_would_deny_total", Map.of("webhook", "validate")));
    }

    @Test
    void anUpdateOfAnOldMistakeIsAPlainWarningNotAWouldBeDenial() {
        JsonNode r = send(validate, "UPDATE", TWO_DENIALS, TWO_DENIALS);
        assertTrue(r.path("allowed").asBoolean(), r::toString);
        assertTrue(warnings(r).stream().noneMatch(s -> s.startsWith("would deny: ")), r::toString);
        assertTrue(warnings(r).stream().anyMatch(s -> s.endsWith("[S2]") && s.contains("already so before this update")),
                r::toString);
    }

    @Test
    void mutateLeavesAnObjectItWouldDenyUnpatchedAndAllowsIt() {
        // D2 could strip the trailing slash of the source, but the mirror has a scheme /mutate denies (S1, D0).
        JsonNode obj = idms("d0", entry("quay.io/ns/", null, "http://mirror.corp.example/ns"));
        JsonNode r = send(mutate, "CREATE", obj, null);
        assertTrue(r.path("allowed").asBoolean(), r::toString);
        assertTrue(r.path("patch").isMissingNode() && r.path("patchType").isMissingNode(), r::toString);
        assertFalse(warnings(r).stream().anyMatch(s -> s.startsWith("normalised")), "nothing was changed: " + r);
        assertTrue(warnings(r).stream().anyMatch(s -> s.startsWith("would deny: spec.imageDigestMirrors[0].mirrors[0]: ")
                && s.endsWith("[S1]")), r::toString);
    }

    @Test
    void mutateStillRepairsWhatItCan() {
        JsonNode obj = idms("d2", entry("quay.io/ns/", null, "mirror.corp.example/ns"));
        JsonNode r = send(mutate, "CREATE", obj, null);
        assertTrue(r.path("allowed").asBoolean(), r::toString);
        assertEquals("JSONPatch", r.path("patchType").asText(), r::toString);
    }

    @Test
    void theWouldDenySeriesOfADenyRuleIsThereBeforeItFirstFires() {
        // P4 needs a cluster, and cluster checks are off here: it never fires.
        assertEquals(0, Scrape.of(metrics).value("idms_webhook_rule_would_deny_total", Map.of("rule", "P4")));
    }
}
