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

    /** Listed at all: in full with its findings, or by reference among the objects without any. */
    private static boolean listed(JsonNode audit, String name) {
        return object(audit, name) != null || clean(audit, name);
    }

    private static boolean clean(JsonNode audit, String name) {
        for (JsonNode ref : audit.path("clean")) {
            if (ref.asText().equals("ImageDigestMirrorSet/" + name)) {
                return true;
            }
        }
        return false;
    }

    /** Allowed: listed without findings, or in full with no denial. */
    private static boolean allowed(JsonNode audit, String name) {
        JsonNode o = object(audit, name);
        return o == null ? clean(audit, name) : o.path("allowed").asBoolean();
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
                && listed(a, "clean"));
        assertEquals("idms-audit/v2", first.path("format").asText());
        JsonNode mistake = object(first, "old-mistake");
        assertEquals("ImageDigestMirrorSet", mistake.path("kind").asText());
        assertEquals("config.openshift.io/v1", mistake.path("apiVersion").asText());
        assertTrue(!mistake.path("allowed").asBoolean(), mistake::toString);
        assertEquals("P1", mistake.path("denials").get(0).path("rule").asText(), mistake::toString);
        assertTrue(mistake.path("denials").get(0).path("message").asText().endsWith("[P1]"), mistake::toString);
        assertTrue(allowed(first, "clean"), first::toString);
        // merged orders once per source and mirror group, not per object
        assertEquals("mirror.corp.example/team", first.at("/mergedOrders/digest/quay.io~1team/0").asText(),
                first::toString);
        assertEquals(first.path("clean").size(), first.path("summary").path("clean").asInt(), first::toString);
        assertEquals(2, first.path("objects").size() + first.path("clean").size(), first::toString);
        assertEquals(1, first.path("summary").path("denied").asInt(), first::toString);

        Scrape scrape = Scrape.of(metrics);
        assertEquals(2, scrape.value(prometheus(AuditMetrics.OBJECTS), Map.of()));
        assertEquals(1, scrape.value(prometheus(AuditMetrics.DENIED), Map.of()));
        assertEquals(1, scrape.value(prometheus(AuditMetrics.FINDINGS), Map.of("rule", "P1", "verdict", "deny")));

        MockCluster.apply(server.getClient(), ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet", "old-mistake",
                "quay.io/app", "NeverContactSource", "mirror.corp.example/app"));
        JsonNode fixed = awaitAudit("the fix", a -> allowed(a, "old-mistake"));
        assertEquals(0, fixed.path("summary").path("denied").asInt(), fixed::toString);
        Scrape afterFix = Scrape.of(metrics);
        assertEquals(0, afterFix.value(prometheus(AuditMetrics.DENIED), Map.of()));
        assertEquals(0, afterFix.value(prometheus(AuditMetrics.FINDINGS), Map.of("rule", "P1", "verdict", "deny")),
                "the series stays, at 0");

        MockCluster.delete(server.getClient(), OLD_MISTAKE);
        JsonNode deleted = awaitAudit("the deletion", a -> !listed(a, "old-mistake"));
        assertEquals(1, deleted.path("summary").path("objects").asInt(), deleted::toString);
        assertTrue(listed(deleted, "clean"), deleted::toString);
        assertEquals(1, Scrape.of(metrics).value(prometheus(AuditMetrics.OBJECTS), Map.of()));
    }

    /** {@code idms.webhook.audit.objects} as Prometheus names the gauge. */
    private static String prometheus(String meter) {
        return meter.replace('.', '_');
    }
}
