package io.idmswebhook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateFiles;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A fresh self-signed serving certificate for each test run, written under {@code target/} and
 * handed to the TLS registry through {@code idms.tls.cert} / {@code idms.tls.key}, so a clean
 * clone runs the HTTPS tests with nothing prepared by hand.
 */
public class TestCertificates implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-certs"));
            List<CertificateFiles> files = new CertificateGenerator(dir, true)
                    .generate(new CertificateRequest().withName("idms-webhook").withCN("localhost")
                            .withFormat(Format.PEM).withDuration(Duration.ofDays(2)));
            PemCertificateFiles pem = (PemCertificateFiles) files.get(0);
            return Map.of("idms.tls.cert", pem.certFile().toString(), "idms.tls.key", pem.keyFile().toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test serving certificate", e);
        }
    }

    @Override
    public void stop() {
        // The files live under target/ and are replaced on the next run.
    }
}
