package io.idmswebhook;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A serving certificate made for this test run and handed to the TLS registry through the same
 * keys a cluster deployment sets, so the tests exercise the real PEM loading path and a clean
 * clone needs nothing prepared.
 */
@WithTestResource(value = TestCertificates.class, scope = TestResourceScope.GLOBAL)
public class TestCertificates implements QuarkusTestResourceLifecycleManager {

    public static final Path DIR = Path.of("target", "test-certs");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            PemCertificateFiles files = (PemCertificateFiles) new CertificateGenerator(DIR, true)
                    .generate(new CertificateRequest()
                            .withName("webhook")
                            .withCN("localhost")
                            .withSubjectAlternativeName("DNS:localhost")
                            .withSubjectAlternativeName("IP:127.0.0.1")
                            .withDuration(Duration.ofDays(2))
                            .withFormat(Format.PEM))
                    .get(0);
            return Map.of(
                    "idms.tls.cert", files.certFile().toAbsolutePath().toString(),
                    "idms.tls.key", files.keyFile().toAbsolutePath().toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the test serving certificate in " + DIR, e);
        }
    }

    @Override
    public void stop() {
        // The files stay under target/ for inspection; the next run replaces them.
    }
}
