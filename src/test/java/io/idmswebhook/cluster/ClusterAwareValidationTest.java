package io.idmswebhook.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.TestCertificates;
import io.idmswebhook.core.VectorObjects;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.testsupport.JsonLines;
import io.idmswebhook.testsupport.Reviews;
import io.idmswebhook.testsupport.SharedData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared vectors, our own rule cases and the conformance cases that have objects already in
 * the cluster, sent through POST /validate over HTTPS with those objects created in a mock API
 * server first; and objects written after start.
 */
@QuarkusTest
@TestProfile(ClusterOnProfile.class)
@WithKubernetesTestServer(crud = true)
class ClusterAwareValidationTest {

    private static final Pattern RULE = Pattern.compile("\\[([A-Z][0-9]+)]");

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    ClusterCache cache;

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    private HttpsReviews reviews;

    @BeforeEach
    void cleanCluster() throws Exception {
        reviews = new HttpsReviews(validate, TestCertificates.trustFile());
        MockCluster.deleteAll(server.getClient());
        MirrorSetIndex index = cache.index();
        MockCluster.await("an empty, synced cluster view",
                () -> index.state() == ClusterState.READY && index.objects().isEmpty()
                        && index.imageConfig().equals(ImageConfig.NONE), () -> cache.status().toString());
    }

    static Stream<Arguments> casesWithExisting() {
        return JsonLines.read("/vectors/objects.jsonl").stream()
                .filter(c -> c.path("existing").size() > 0)
                .map(c -> Arguments.of(Named.of(c.path("name").asText(), c)));
    }

    /** Our own rule cases that need objects in the cluster, through the whole service too. */
    static Stream<Arguments> ownCasesWithExisting() {
        return JsonLines.read("/cases/rules.jsonl").stream()
                .filter(c -> c.path("existing").size() > 0)
                .map(c -> Arguments.of(Named.of(c.path("name").asText(), c)));
    }

    /**
     * The upstream projects' tests translated into admission cases ({@code ../shared/conformance/},
     * read where it lives): every one, with its {@code existing} objects in the cluster.
     */
    static Stream<Arguments> conformanceCases() {
        return SharedData.jsonLines("conformance", "admission-cases.jsonl").stream()
                .map(c -> Arguments.of(Named.of(c.path("name").asText(), c)));
    }

    @Test
    void theVectorsHaveCasesWithExistingObjects() {
        assertTrue(casesWithExisting().count() >= 4, "objects.jsonl lost its cases with existing objects");
    }

    @ParameterizedTest
    @MethodSource("casesWithExisting")
    void vectorCase(JsonNode c) throws Exception {
        judge(c);
    }

    @ParameterizedTest
    @MethodSource("ownCasesWithExisting")
    void ownCase(JsonNode c) throws Exception {
        judge(c);
    }

    @ParameterizedTest
    @MethodSource("conformanceCases")
    void conformanceCase(JsonNode c) throws Exception {
        judge(c);
    }

    /** Writes the case's existing objects, waits for the cache to hold them, and judges the answer. */
    private void judge(JsonNode c) throws Exception {
        for (JsonNode e : c.path("existing")) {
            MockCluster.apply(server.getClient(), e);
        }
        awaitCacheHolds(c.path("existing"));
        HttpsReviews.Answer a = reviews.send(Reviews.review(c.path("operation").asText(), c.path("object"),
                c.path("oldObject")));
        assertMatches(c.path("expect"), a);
    }

    /** An IDMS, ITMS or ICSP with one entry, as JSON. */
    static JsonNode mirrorSet(String kind, String name, String source, String policy, String... mirrors) {
        MirrorSetKind k = MirrorSetKind.of(kind.equals("ImageContentSourcePolicy") ? "operator.openshift.io"
                : "config.openshift.io", kind).orElseThrow();
        var obj = HttpsReviews.JSON.createObjectNode().put("apiVersion", k.apiVersion()).put("kind", kind);
        obj.putObject("metadata").put("name", name);
        var entry = obj.putObject("spec").putArray(k.listField()).addObject().put("source", source);
        var list = entry.putArray("mirrors");
        for (String m : mirrors) {
            list.add(m);
        }
        if (policy != null) {
            entry.put("mirrorSourcePolicy", policy);
        }
        return obj;
    }

    private HttpsReviews.Answer create(JsonNode obj) throws Exception {
        HttpsReviews.Answer a = reviews.send(Reviews.review("CREATE", obj, null));
        assertEquals(200, a.status(), () -> "http status, body " + a.body());
        assertEquals(a.uid(), a.response().path("uid").asText());
        return a;
    }

    private static Set<String> denied(HttpsReviews.Answer a) {
        return a.response().path("allowed").asBoolean() ? Set.of()
                : rules(a.response().path("status").path("message").asText(""));
    }

    private static Set<String> warned(HttpsReviews.Answer a) {
        List<String> w = new ArrayList<>();
        a.response().path("warnings").forEach(n -> w.add(n.asText()));
        return rules(String.join("\n", w));
    }

    private static String text(HttpsReviews.Answer a) {
        return a.response().path("status").path("message").asText("") + "\n" + a.response().path("warnings");
    }

    private void awaitObjects(int n) {
        MirrorSetIndex index = cache.index();
        MockCluster.await(n + " objects in the cache", () -> index.objects().size() == n,
                () -> "; it holds " + index.objects());
    }

    @Test
    void objectsAddedChangedAndDeletedAfterStartAreSeen() throws Exception {
        JsonNode reviewed = mirrorSet("ImageDigestMirrorSet", "bravo", "quay.io/team", "AllowContactingSource",
                "mirror.corp.example/team");
        assertTrue(create(reviewed).response().path("allowed").asBoolean(), "nothing in the cluster yet");

        JsonNode alpha = mirrorSet("ImageDigestMirrorSet", "alpha", "quay.io/team", "NeverContactSource",
                "mirror.corp.example/team");
        MockCluster.apply(server.getClient(), alpha);
        awaitObjects(1);
        HttpsReviews.Answer added = create(reviewed);
        assertFalse(added.response().path("allowed").asBoolean(), () -> "added object not seen: " + added.body());
        assertEquals(Set.of("P4"), denied(added));
        assertTrue(text(added).contains("ImageDigestMirrorSet/alpha"), () -> text(added));

        // Same policy now, but the mirrors in the opposite order of the reviewed object: an order conflict.
        JsonNode changed = mirrorSet("ImageDigestMirrorSet", "alpha", "quay.io/team", "AllowContactingSource",
                "backup.corp.example/team", "mirror.corp.example/team");
        JsonNode reviewed2 = mirrorSet("ImageDigestMirrorSet", "bravo", "quay.io/team", "AllowContactingSource",
                "mirror.corp.example/team", "backup.corp.example/team");
        MockCluster.apply(server.getClient(), changed);
        MirrorSetIndex index = cache.index();
        MockCluster.await("the changed alpha", () -> index.withSource("quay.io/team").stream()
                .anyMatch(e -> e.entry().mirrors().size() == 2));
        HttpsReviews.Answer afterChange = create(reviewed2);
        assertTrue(afterChange.response().path("allowed").asBoolean(), () -> afterChange.body().toString());
        assertTrue(warned(afterChange).contains("O1"), () -> "order conflict with the changed object: " + text(afterChange));
        assertTrue(text(afterChange).contains("ImageDigestMirrorSet/alpha"), () -> text(afterChange));

        MockCluster.delete(server.getClient(), changed);
        awaitObjects(0);
        HttpsReviews.Answer afterDelete = create(reviewed2);
        assertTrue(afterDelete.response().path("allowed").asBoolean());
        assertTrue(warned(afterDelete).isEmpty(), () -> "deleted object still seen: " + text(afterDelete));
    }

    @Test
    void everyWatchedKindTakesPart() throws Exception {
        JsonNode never = mirrorSet("ImageDigestMirrorSet", "strict", "registry.corp.example/apps", "NeverContactSource",
                "mirror.corp.example/apps");
        MockCluster.apply(server.getClient(), mirrorSet("ImageTagMirrorSet", "tags", "registry.corp.example/apps",
                "AllowContactingSource", "mirror.corp.example/apps"));
        awaitObjects(1);
        HttpsReviews.Answer itms = create(never);
        assertEquals(Set.of("P4"), denied(itms), () -> text(itms));
        assertTrue(text(itms).contains("ImageTagMirrorSet/tags"), () -> text(itms));

        MockCluster.deleteAll(server.getClient());
        awaitObjects(0);
        MockCluster.apply(server.getClient(), mirrorSet("ImageContentSourcePolicy", "legacy",
                "registry.corp.example/apps", null, "mirror.corp.example/apps"));
        awaitObjects(1);
        HttpsReviews.Answer icsp = create(never);
        assertEquals(Set.of("P4"), denied(icsp), () -> text(icsp));
        assertTrue(text(icsp).contains("ImageContentSourcePolicy/legacy"), () -> text(icsp));

        MockCluster.deleteAll(server.getClient());
        awaitObjects(0);
        JsonNode toBlocked = mirrorSet("ImageDigestMirrorSet", "to-blocked", "quay.io/ns", null, "blocked.corp.example/ns");
        assertTrue(create(toBlocked).response().path("allowed").asBoolean());
        JsonNode image = HttpsReviews.JSON.readTree("{\"apiVersion\":\"config.openshift.io/v1\",\"kind\":\"Image\","
                + "\"metadata\":{\"name\":\"cluster\"},\"spec\":{\"registrySources\":"
                + "{\"blockedRegistries\":[\"blocked.corp.example\"]}}}");
        MockCluster.apply(server.getClient(), image);
        MockCluster.await("the cluster image config", () -> !cache.index().imageConfig().blockedRegistries().isEmpty());
        HttpsReviews.Answer blocked = create(toBlocked);
        assertTrue(blocked.response().path("allowed").asBoolean(), () -> "the source is still reachable: " + text(blocked));
        assertTrue(warned(blocked).contains("P5"), () -> text(blocked));

        // An Image with another name configures nothing on the nodes.
        JsonNode other = image.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) other.path("metadata")).put("name", "not-cluster");
        MockCluster.delete(server.getClient(), image);
        MockCluster.apply(server.getClient(), other);
        MockCluster.await("the image config removed", () -> cache.index().imageConfig().equals(ImageConfig.NONE));
        HttpsReviews.Answer unblocked = create(toBlocked);
        assertTrue(unblocked.response().path("allowed").asBoolean());
        assertTrue(warned(unblocked).isEmpty(), () -> text(unblocked));
    }

    @Inject
    @Readiness
    ClusterViewReadiness readiness;

    @Test
    void readyAndNotDegradedOnceSynced() {
        HealthCheckResponse r = readiness.call();
        Map<String, Object> data = r.getData().orElseThrow();
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus(), data::toString);
        assertEquals(false, data.get("degraded"), data::toString);
        assertEquals("watching", data.get("imagedigestmirrorsets.config.openshift.io"), data::toString);
        assertEquals("watching", data.get("images.config.openshift.io/cluster"), data::toString);
    }

    /** The cache holds exactly these objects (translated as the reader does) and image config. */
    private void awaitCacheHolds(JsonNode existing) {
        Set<MirrorSet> sets = new HashSet<>();
        ImageConfig config = ImageConfig.NONE;
        for (JsonNode e : existing) {
            if (VectorObjects.isImageConfig(e)) {
                config = VectorObjects.imageConfig(e);
            } else {
                sets.add(VectorObjects.mirrorSet(e));
            }
        }
        ImageConfig wantConfig = config;
        MirrorSetIndex index = cache.index();
        MockCluster.await("the cache to hold " + sets,
                () -> new HashSet<>(index.objects()).equals(sets) && index.imageConfig().equals(wantConfig),
                () -> "; it holds " + index.objects() + " " + index.imageConfig());
    }

    /** The comparison the black-box checker makes: the vector's expect block against one answer. */
    static void assertMatches(JsonNode expect, HttpsReviews.Answer a) {
        assertEquals(200, a.status(), () -> "http status, body " + a.body());
        JsonNode resp = a.response();
        assertEquals(a.uid(), resp.path("uid").asText(), "uid echoed");
        String msg = resp.path("status").path("message").asText("");
        List<String> warns = new ArrayList<>();
        resp.path("warnings").forEach(w -> warns.add(w.asText()));
        Set<String> deny = resp.path("allowed").asBoolean() ? Set.of() : rules(msg);
        Set<String> warn = rules(String.join("\n", warns));
        assertEquals(expect.path("allowed").asBoolean(), resp.path("allowed").asBoolean(), () -> "allowed; " + resp);
        assertEquals(ids(expect.path("deny")), deny, () -> "denial rules; " + resp);
        if (expect.path("warnExact").asBoolean()) {
            assertEquals(ids(expect.path("warn")), warn, () -> "warning rules; " + resp);
        } else {
            assertTrue(warn.containsAll(ids(expect.path("warn"))), () -> "warning rules " + warn + "; " + resp);
        }
        String text = msg + "\n" + String.join("\n", warns);
        expect.path("mentions").forEach(m -> assertTrue(text.contains(m.asText()), () -> "names " + m + "; " + resp));
        expect.path("order").fields().forEachRemaining(o -> {
            List<String> order = new ArrayList<>();
            o.getValue().forEach(n -> order.add(n.asText()));
            String stated = "nodes will use " + String.join(", ", order);
            assertTrue(warns.stream().anyMatch(w -> w.contains(o.getKey()) && w.contains(stated)),
                    () -> "'" + stated + "' for " + o.getKey() + " in " + warns);
        });
    }

    static Set<String> rules(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
