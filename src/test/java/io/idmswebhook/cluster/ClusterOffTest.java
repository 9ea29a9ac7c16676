package io.idmswebhook.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.idmswebhook.TestCertificates;
import io.idmswebhook.testsupport.Reviews;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.arc.InjectableContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import java.net.URL;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** With cluster checks off nothing about Kubernetes is created, and answers carry no [X2]. */
@QuarkusTest
@TestProfile(ClusterOffProfile.class)
class ClusterOffTest {

    @Inject
    @Readiness
    ClusterViewReadiness readiness;

    @Inject
    ClusterViewProducer producer;

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    @Test
    void noClientIsCreatedAndNoWarningIsGiven() throws Exception {
        HttpsReviews reviews = new HttpsReviews(validate, TestCertificates.trustFile());
        HttpsReviews.Answer a = reviews.send(Reviews.review("CREATE", ClusterAwareValidationTest.mirrorSet("ImageDigestMirrorSet",
                "plain", "quay.io/team", null, "mirror.corp.example/team"), null));
        assertEquals(200, a.status());
        assertTrue(a.response().path("allowed").asBoolean(), a.body()::toString);
        assertTrue(a.response().path("warnings").isMissingNode() || a.response().path("warnings").isEmpty(),
                a.body()::toString);

        HealthCheckResponse r = readiness.call();
        assertEquals(HealthCheckResponse.Status.UP, r.getStatus());
        assertEquals("off", r.getData().orElseThrow().get("mode"));
        assertEquals(ClusterChecks.OFF, producer.mode());

        // Asks each bean's context for an existing instance only: get(bean) without a creational
        // context never creates one.
        boolean clientMade = created(KubernetesClient.class);
        assertTrue(!clientMade, "a KubernetesClient was created with cluster checks off");
        boolean cacheMade = created(ClusterCache.class);
        assertTrue(!cacheMade, "the cluster cache was created with cluster checks off");
    }

    private static boolean created(Class<?> type) {
        for (Bean<?> bean : Arc.container().beanManager().getBeans(type, Any.Literal.INSTANCE)) {
            InjectableContext context = Arc.container().getActiveContext(bean.getScope());
            if (context != null && context.get(bean) != null) {
                return true;
            }
        }
        return false;
    }
}
