package io.idmswebhook.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.idmswebhook.TestCertificates;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.testsupport.Reviews;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.quarkus.test.kubernetes.client.KubernetesTestServer;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A kind whose CRD is missing at start (the list answers 404 a few times, then the CRD "appears"),
 * and the API server going away while requests keep coming. Ordered: the outage is the end.
 */
@QuarkusTest
@TestProfile(ClusterDegradedProfile.class)
@WithKubernetesTestServer(crud = true, setup = ClusterDegradedTest.IcspMissingAtFirst.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterDegradedTest {

    static final String ICSP_LIST = "/apis/operator.openshift.io/v1alpha1/imagecontentsourcepolicies?limit=1";

    /** The first lists of ICSP answer 404, as on a cluster without that CRD. */
    public static class IcspMissingAtFirst implements Consumer<KubernetesServer> {
        @Override
        public void accept(KubernetesServer server) {
            server.expect().get().withPath(ICSP_LIST).andReturn(404,
                    "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}")
                    .times(2);
        }
    }

    @KubernetesTestServer
    KubernetesServer server;

    @Inject
    ClusterCache cache;

    @Inject
    @Readiness
    ClusterViewReadiness readiness;

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    /**
     * GETs of {@code path} in the mock API server's request log so far. Takes exactly the requests
     * counted at the call, so it neither waits for nor misses requests still arriving.
     */
    private int requestsFor(String path) throws InterruptedException {
        KubernetesMockServer mock = server.getKubernetesMockServer();
        int recorded = mock.getRequestCount();
        int matching = 0;
        for (int i = 0; i < recorded; i++) {
            RecordedRequest r = mock.takeRequest(10, TimeUnit.SECONDS);
            if (r == null) {
                break;
            }
            if ("GET".equals(r.getMethod()) && path.equals(r.getPath())) {
                matching++;
            }
        }
        return matching;
    }

    private HttpsReviews reviews() throws Exception {
        return new HttpsReviews(validate,
                TestCertificates.trustFile());
    }

    @Test
    @Order(1)
    void aKindInstalledLaterIsPickedUp() throws Exception {
        MockCluster.await("ICSP watched", () -> "watching".equals(cache.status()
                .get("imagecontentsourcepolicies.operator.openshift.io")), () -> cache.status().toString());
        // Without this the test would also pass if the cache never probed ICSP at the path the
        // 404s are set up for (then the kind is simply there from the start). The mock answers a
        // path from its expectations while they last and only then from its CRUD store, so two
        // probes at that path got the 404s and a third found the kind.
        int probes = requestsFor(ICSP_LIST);
        assertTrue(probes >= 3, "the mock API server was asked for " + ICSP_LIST + " " + probes
                + " time(s): the two 404s were not both served before the kind was watched");
        MockCluster.await("a current view", () -> cache.index().state() == ClusterState.READY);
        MockCluster.apply(server.getClient(), ClusterAwareValidationTest.mirrorSet("ImageContentSourcePolicy", "legacy",
                "registry.corp.example/apps", null, "mirror.corp.example/apps"));
        MockCluster.await("the ICSP in the cache", () -> cache.index().objects().size() == 1);
        HttpsReviews.Answer a = reviews().send(Reviews.review("CREATE", ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet",
                "strict", "registry.corp.example/apps", "NeverContactSource", "mirror.corp.example/apps"), null));
        assertEquals(Set.of("P4"), ClusterAwareValidationTest.rules(a.response().path("status").path("message").asText()),
                a.body()::toString);
    }

    @Test
    @Order(2)
    void theApiServerGoingAwayGivesDegradedAnswers() throws Exception {
        MockCluster.apply(server.getClient(), ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet", "alpha",
                "quay.io/team", "NeverContactSource", "mirror.corp.example/team"));
        MockCluster.await("alpha in the cache", () -> !cache.index().withSource("quay.io/team").isEmpty());
        JsonNode conflicting = ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet", "bravo", "quay.io/team",
                "AllowContactingSource", "mirror.corp.example/team");
        HttpsReviews reviews = reviews();
        assertFalse(reviews.send(Reviews.review("CREATE", conflicting, null)).response().path("allowed").asBoolean(),
                "P4 while the API server is there");

        server.getKubernetesMockServer().shutdown();
        MockCluster.await("the view to be reported unavailable",
                () -> cache.index().state() == ClusterState.UNAVAILABLE, () -> cache.status().toString());

        HttpsReviews.Answer degraded = reviews.send(Reviews.review("CREATE", conflicting, null));
        assertEquals(200, degraded.status());
        assertEquals(degraded.uid(), degraded.response().path("uid").asText());
        assertTrue(degraded.response().path("allowed").asBoolean(), degraded.body()::toString);
        assertEquals(Set.of("X2"), ClusterAwareValidationTest.rules(degraded.response().path("warnings").toString()),
                degraded.body()::toString);

        // Single-object rules still decide.
        HttpsReviews.Answer bad = reviews.send(Reviews.review("CREATE", ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet",
                "bad", "quay.io/team", "NeverContactSource"), null));
        assertEquals(200, bad.status());
        assertFalse(bad.response().path("allowed").asBoolean(), bad.body()::toString);
        assertEquals(Set.of("P1"), ClusterAwareValidationTest.rules(bad.response().path("status").path("message").asText()));
        assertTrue(ClusterAwareValidationTest.rules(bad.response().path("warnings").toString()).contains("X2"));

        // Readiness stays up, and says it is degraded.
        HealthCheckResponse r = readiness.call();
        Map<String, Object> data = r.getData().orElseThrow();
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus(), data::toString);
        assertEquals(true, data.get("degraded"), data::toString);
    }
}
