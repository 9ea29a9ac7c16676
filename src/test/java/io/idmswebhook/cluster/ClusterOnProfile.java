package io.idmswebhook.cluster;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.nio.file.Path;
import java.util.Map;

/**
 * Cluster checks on, against the mock API server, with a serving certificate made for this run.
 * The foundation's shared test certificate helper is not on this branch; this makes its own, in
 * target/, so a clean clone needs nothing prepared.
 */
public class ClusterOnProfile implements QuarkusTestProfile {

    static final Path CERTS = Path.of("target", "cluster-test-certs");
    static final String NAME = "idms-cluster-test";

    static PemCertificateFiles certificates() {
        try {
            java.nio.file.Files.createDirectories(CERTS);
            return (PemCertificateFiles) new CertificateGenerator(CERTS, true).generate(new CertificateRequest()
                    .withName(NAME).withFormat(Format.PEM).withCN("localhost")
                    .withSubjectAlternativeName("DNS:localhost").withSubjectAlternativeName("IP:127.0.0.1"))
                    .get(0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test serving certificate", e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        PemCertificateFiles files = certificates();
        return Map.of(
                "idms.cluster-checks", "on",
                "quarkus.tls.key-store.pem.0.cert", files.certFile().toAbsolutePath().toString(),
                "quarkus.tls.key-store.pem.0.key", files.keyFile().toAbsolutePath().toString(),
                // Short, so that the tests see a missing kind come back and an outage reported
                // without waiting for the production values.
                "idms.cluster-checks.missing-kind-retry", "1s",
                "idms.cluster-checks.watch-grace", "1s",
                // The mock server logs every request at INFO.
                "quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
    }
}
