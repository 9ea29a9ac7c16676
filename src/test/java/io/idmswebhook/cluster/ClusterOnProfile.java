package io.idmswebhook.cluster;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Cluster checks on, against the mock API server; the serving certificate is the shared
 * {@link io.idmswebhook.TestCertificates} one.
 */
public class ClusterOnProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "idms.cluster-checks", "on",
                // Short, so that the tests see a missing kind come back and an outage reported
                // without waiting for the production values.
                "idms.cluster-checks.missing-kind-retry", "1s",
                "idms.cluster-checks.watch-grace", "1s",
                // The mock server logs every request at INFO.
                "quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
    }
}
