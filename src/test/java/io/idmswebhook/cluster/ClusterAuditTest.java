package io.idmswebhook.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.ops.AuditMetrics;
import io.idmswebhook.ops.Scrape;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URL;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The audit of what is already in the cluster, on the mock API server: an object written before
 * the service started is reported by {@code GET /audit} and in the metrics, fixing it clears its
 * finding, deleting it removes it.
 */
@QuarkusTest
@TestProfile(ClusterOnProfile.class)
@WithKubernetesTestServer(crud = true, setup = ClusterAuditTest.Existing.class)
class ClusterAuditTest {

    /** P1: a policy without a mirror, in the cluster before the webhook was. */
    static final JsonNode OLD_MISTAKE = ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet", "old-mistake",
            "quay.io/app", "NeverContactSource");
    static final JsonNode CLEAN = ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet", "clean",
            "quay.io/team", null, "mirror.corp.example/team");

    /** Runs against the mock API server before the application starts. */
    public static class Existing implements Consumer<KubernetesServer> {
        @Override
        public void accept(KubernetesServer server) {
            MockCluster.apply(server.getClient(), OLD_MISTAKE);
            MockCluster.apply(server.getClient(), CLEAN);
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    private JsonNode audit() throws Exception {
        String body = given().when().get(new URL(metrics, "/audit")).then().statusCode(200)
                .contentType("application/json").extract().asString();
        return HttpsReviews.JSON.readTree(body);
    }

    private JsonNode awaitAudit(String what, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        MockCluster.await(what, () -> {
            try {
                last[0] = audit();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return condition.test(last[0]);
        }, () -> "; GET /audit: " + last[0]);
        return last[0];
    }

    private static JsonNode object(JsonNode audit, String name) {
        for (JsonNode o : audit.path("objects")) {
            if (o.path("name").asText().equals(name)) {
                return o;
            }
        }
        return null;
    }

    @Test
    void anOldMistakeIsReportedThenClearedWhenFixedAndGoneWhenDeleted() throws Exception {
        JsonNode first = awaitAudit("the objects written before start", a -> object(a, "old-mistake") != null
                && object(a, "clean") != null);
        assertEquals("idms-audit/v1", first.path("format").asText());
        JsonNode mistake = object(first, "old-mistake");
        assertEquals("ImageDigestMirrorSet", mistake.path("kind").asText());
        assertEquals("config.openshift.io/v1", mistake.path("apiVersion").asText());
        assertTrue(!mistake.path("allowed").asBoolean(), mistake::toString);
        assertEquals("P1", mistake.path("denials").get(0).path("rule").asText(), mistake::toString);
        assertTrue(mistake.path("denials").get(0).path("message").asText().endsWith("[P1]"), mistake::toString);
        JsonNode clean = object(first, "clean");
        assertTrue(clean.path("allowed").asBoolean(), clean::toString);
        assertEquals("mirror.corp.example/team", clean.path("mergedOrders").path("quay.io/team").get(0).asText(),
                clean::toString);
        assertEquals(1, first.path("summary").path("denied").asInt(), first::toString);

        Scrape scrape = Scrape.of(metrics);
        assertEquals(2, scrape.value(prometheus(AuditMetrics.OBJECTS), Map.of()));
        assertEquals(1, scrape.value(prometheus(AuditMetrics.DENIED), Map.of()));
        assertEquals(1, scrape.value(prometheus(AuditMetrics.FINDINGS), Map.of("rule", "P1", "verdict", "deny")));

        MockCluster.apply(server.getClient(), ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet", "old-mistake",
                "quay.io/app", "NeverContactSource", "mirror.corp.example/app"));
        JsonNode fixed = awaitAudit("the fix", a -> {
            JsonNode o = object(a, "old-mistake");
            return o != null && o.path("allowed").asBoolean();
        });
        assertEquals(0, object(fixed, "old-mistake").path("denials").size(), fixed::toString);
        assertEquals(0, fixed.path("summary").path("denied").asInt(), fixed::toString);
        Scrape afterFix = Scrape.of(metrics);
        assertEquals(0, afterFix.value(prometheus(AuditMetrics.DENIED), Map.of()));
        assertEquals(0, afterFix.value(prometheus(AuditMetrics.FINDINGS), Map.of("rule", "P1", "verdict", "deny")),
                "the series stays, at 0");

        MockCluster.delete(server.getClient(), OLD_MISTAKE);
        JsonNode deleted = awaitAudit("the deletion", a -> object(a, "old-mistake") == null);
        assertEquals(1, deleted.path("summary").path("objects").asInt(), deleted::toString);
        assertTrue(object(deleted, "clean") != null, deleted::toString);
        assertEquals(1, Scrape.of(metrics).value(prometheus(AuditMetrics.OBJECTS), Map.of()));
    }

    /** {@code idms.webhook.audit.objects} as Prometheus names the gauge. */
    private static String prometheus(String meter) {
        return meter.replace('.', '_');
    }
}
