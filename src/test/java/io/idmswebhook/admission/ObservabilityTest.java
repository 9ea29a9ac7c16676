package io.idmswebhook.admission;

import static io.idmswebhook.admission.AdmissionClient.JSON;
import static io.idmswebhook.admission.AdmissionClient.body;
import static io.idmswebhook.admission.AdmissionClient.post;
import static io.idmswebhook.testsupport.Reviews.review;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.ops.DecisionLog;
import io.idmswebhook.ops.LogCapture;
import io.idmswebhook.ops.Scrape;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reviews sent over HTTPS, then read back from the three places an SRE looks: the metrics scraped
 * from the management port, the decision log line, and the audit annotations on the answer.
 */
@QuarkusTest
public class ObservabilityTest {

    private static final String REVIEWS = "idms_webhook_reviews_total";
    private static final String RULE_HITS = "idms_webhook_rule_hits_total";
    private static final String DURATION = "idms_webhook_review_duration_seconds";

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    @TestHTTPResource(value = "/mutate", tls = true)
    URL mutate;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private static final String P1_OBJECT = """
            {"apiVersion":"config.openshift.io/v1","kind":"ImageDigestMirrorSet","metadata":{"name":"obs-p1"},
             "spec":{"imageDigestMirrors":[{"source":"quay.io/obs/app","mirrorSourcePolicy":"NeverContactSource"}]}}""";

    private static final String CLEAN_OBJECT = """
            {"apiVersion":"config.openshift.io/v1","kind":"ImageDigestMirrorSet","metadata":{"name":"obs-clean"},
             "spec":{"imageDigestMirrors":[{"source":"quay.io/obs/app","mirrors":["mirror.example.net/obs/app"]}]}}""";

    private static ObjectNode reviewBy(String uid, String object, String user, boolean dryRun) throws Exception {
        ObjectNode review = review(uid, "CREATE", JSON.readTree(object), null);
        ObjectNode request = (ObjectNode) review.get("request");
        request.putObject("userInfo").put("username", user);
        request.put("dryRun", dryRun);
        return review;
    }

    private static Map<String, String> reviewLabels(String webhook, String kind, String operation, String decision,
                                                    boolean dryRun) {
        return Map.of("webhook", webhook, "kind", kind, "operation", operation, "decision", decision,
                "dry_run", Boolean.toString(dryRun));
    }

    private static Map<String, String> idmsCreate(String webhook, String decision) {
        return reviewLabels(webhook, "ImageDigestMirrorSet", "CREATE", decision, false);
    }

    private static LogCapture.Line lineFor(LogCapture capture, String uid) {
        List<LogCapture.Line> mine = new ArrayList<>();
        for (LogCapture.Line line : capture.lines()) {
            if (uid.equals(line.fields().get("uid"))) {
                mine.add(line);
            }
        }
        assertEquals(1, mine.size(), "decision lines for " + uid + ": " + capture.lines());
        return mine.get(0);
    }

    @Test
    void aDenialIsCountedLoggedAndAnnotatedWithItsRules() throws Exception {
        String uid = UUID.randomUUID().toString();
        Scrape before = Scrape.of(metrics);
        JsonNode answer;
        LogCapture capture = LogCapture.install();
        answer = body(post(validate, reviewBy(uid, P1_OBJECT, "alice@example.com", false)));
        LogCapture.Line line = lineFor(capture, uid);

        JsonNode response = answer.get("response");
        assertFalse(response.get("allowed").asBoolean(), answer::toString);
        String rules = response.at("/auditAnnotations/rules").asText();
        assertTrue(rules.startsWith("P1"), answer::toString);
        assertEquals("denied", response.at("/auditAnnotations/decision").asText(), answer::toString);
        for (String key : response.get("auditAnnotations").properties().stream().map(Map.Entry::getKey).toList()) {
            // The API server prefixes the webhook name and accepts one qualified name only.
            assertTrue(key.matches("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?") && key.length() <= 63, key);
        }

        assertEquals("INFO", line.level());
        assertEquals(DecisionLog.CATEGORY, line.category());
        Map<String, String> fields = line.fields();
        assertEquals("validate", fields.get("webhook"));
        assertEquals("denied", fields.get("decision"));
        assertEquals("ImageDigestMirrorSet", fields.get("kind"));
        assertEquals("obs-p1", fields.get("name"));
        assertEquals("CREATE", fields.get("operation"));
        assertEquals("alice@example.com", fields.get("user"));
        assertEquals("false", fields.get("dryRun"));
        assertEquals(rules, fields.get("rules"));
        assertTrue(fields.get("latencyMicros").matches("[0-9]+"), fields::toString);
        assertTrue(line.message().contains("uid=" + uid) && line.message().contains("rules=" + rules)
                && line.message().contains("user=alice@example.com"), line.message());
        // Never the object: none of its values appear in the line.
        assertFalse(line.message().contains("quay.io/obs/app") || fields.toString().contains("quay.io/obs/app"),
                line.message());

        Scrape after = Scrape.of(metrics);
        assertEquals(1, after.value(REVIEWS, idmsCreate("validate", "denied"))
                - before.value(REVIEWS, idmsCreate("validate", "denied")));
        assertEquals(1, after.value(RULE_HITS, Map.of("rule", "P1", "verdict", "deny"))
                - before.value(RULE_HITS, Map.of("rule", "P1", "verdict", "deny")));
        Map<String, String> validateOnly = Map.of("webhook", "validate");
        assertEquals(1, after.value(DURATION + "_count", validateOnly) - before.value(DURATION + "_count", validateOnly));
        Map<String, String> inf = Map.of("webhook", "validate", "le", "+Inf");
        assertEquals(1, after.value(DURATION + "_bucket", inf) - before.value(DURATION + "_bucket", inf));
    }

    @Test
    void aCleanAllowIsCountedAndCarriesNoAuditAnnotations() throws Exception {
        String uid = UUID.randomUUID().toString();
        Scrape before = Scrape.of(metrics);
        LogCapture capture = LogCapture.install();
        JsonNode answer = body(post(validate, reviewBy(uid, CLEAN_OBJECT, "bob", false)));
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertFalse(answer.get("response").has("auditAnnotations"), answer::toString);
        Map<String, String> fields = lineFor(capture, uid).fields();
        assertEquals("allowed", fields.get("decision"));
        assertFalse(fields.containsKey("rules"), fields::toString);
        Scrape after = Scrape.of(metrics);
        assertEquals(1, after.value(REVIEWS, idmsCreate("validate", "allowed"))
                - before.value(REVIEWS, idmsCreate("validate", "allowed")));
    }

    @Test
    void aDryRunIsCountedUnderItsOwnLabel() throws Exception {
        Map<String, String> dry = reviewLabels("validate", "ImageDigestMirrorSet", "CREATE", "allowed", true);
        Scrape before = Scrape.of(metrics);
        post(validate, reviewBy(UUID.randomUUID().toString(), CLEAN_OBJECT, "carol", true));
        Scrape after = Scrape.of(metrics);
        assertEquals(1, after.value(REVIEWS, dry) - before.valueOrZero(REVIEWS, dry));
    }

    @Test
    void aMutationIsCountedUnderMutateWithItsDefaultingRules() throws Exception {
        String uid = UUID.randomUUID().toString();
        JsonNode object = AdmissionClient.fixture("d1-trim").get("object");
        Map<String, String> d1 = Map.of("rule", "D1", "verdict", "warn");
        Scrape before = Scrape.of(metrics);
        LogCapture capture = LogCapture.install();
        JsonNode answer = body(post(mutate, review(uid, "CREATE", object, null)));
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertEquals("allowed", answer.at("/response/auditAnnotations/decision").asText(), answer::toString);
        assertTrue(answer.at("/response/auditAnnotations/rules").asText().contains("D1"), answer::toString);
        Map<String, String> fields = lineFor(capture, uid).fields();
        assertEquals("mutate", fields.get("webhook"));
        assertTrue(fields.get("rules").contains("D1"), fields::toString);
        Scrape after = Scrape.of(metrics);
        String kind = object.get("kind").asText();
        Map<String, String> labels = reviewLabels("mutate", kind, "CREATE", "allowed", false);
        assertEquals(1, after.value(REVIEWS, labels) - before.valueOrZero(REVIEWS, labels));
        assertEquals(1, after.value(RULE_HITS, d1) - before.value(RULE_HITS, d1));
    }

    @Test
    void aBodyThatIsNotAReviewCountsAsAnErrorOfUnknownKind() {
        Map<String, String> error = reviewLabels("validate", "unknown", "unknown", "error", false);
        Scrape before = Scrape.of(metrics);
        LogCapture capture = LogCapture.install();
        int status = post(validate, "{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8), "application/json")
                .statusCode();
        assertEquals(400, status);
        assertTrue(capture.lines().stream().anyMatch(l -> "error".equals(l.fields().get("decision"))
                && l.fields().containsKey("reason") && !l.fields().containsKey("uid")), capture.lines()::toString);
        Scrape after = Scrape.of(metrics);
        assertEquals(1, after.value(REVIEWS, error) - before.value(REVIEWS, error));
    }

    @Test
    void seriesThatAlertsNeedAreRegistered() {
        Scrape scrape = Scrape.of(metrics);
        for (String webhook : List.of("validate", "mutate")) {
            for (String decision : List.of("allowed", "denied", "error")) {
                scrape.value(REVIEWS, idmsCreate(webhook, decision));
            }
            scrape.value(REVIEWS, reviewLabels(webhook, "unknown", "unknown", "error", false));
            for (String le : List.of("5.0E-5", "1.0E-4", "2.5E-4", "5.0E-4", "0.001", "0.0025", "0.005", "0.01",
                    "0.025", "0.1", "1.0", "+Inf")) {
                scrape.value(DURATION + "_bucket", Map.of("webhook", webhook, "le", le));
            }
        }
        for (RuleId rule : RuleId.values()) {
            scrape.value(RULE_HITS, Map.of("rule", rule.name(),
                    "verdict", rule.usualVerdict().name().toLowerCase(Locale.ROOT)));
        }
        // Nothing was dropped: the test's stdout keeps up.
        assertEquals(0, scrape.value("idms_webhook_decision_log_dropped_total", Map.of()));
    }

    @Test
    void clusterGaugesSayChecksAreOffWithoutACache() {
        Scrape scrape = Scrape.of(metrics);
        assertEquals(0, scrape.value("idms_webhook_cluster_checks_enabled", Map.of()));
        assertEquals(0, scrape.value("idms_webhook_cluster_cache_synced", Map.of()));
        for (String kind : List.of("ImageDigestMirrorSet", "ImageTagMirrorSet", "ImageContentSourcePolicy")) {
            assertEquals(0, scrape.value("idms_webhook_cluster_cache_objects", Map.of("kind", kind)));
        }
        assertTrue(Double.isNaN(scrape.value("idms_webhook_cluster_cache_last_event_age_seconds", Map.of())));
    }

    @Test
    void certificateExpiryIsTheServedCertificatesRemainingLifetime() {
        // TestCertificates makes a certificate valid for two days.
        double left = Scrape.of(metrics).value("idms_webhook_certificate_expiry_seconds", Map.of());
        assertTrue(left > 86_400 && left <= 2 * 86_400, "seconds left: " + left);
    }
}
