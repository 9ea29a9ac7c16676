package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gauge's arithmetic over a key store; the live reading is covered by ObservabilityTest. */
class CertificateExpiryMetricTest {

    @TempDir
    Path dir;

    private X509Certificate certificate(String name, Duration validity) throws Exception {
        PemCertificateFiles files = (PemCertificateFiles) new CertificateGenerator(dir, true)
                .generate(new CertificateRequest().withName(name).withCN("localhost")
                        .withDuration(validity).withFormat(Format.PEM))
                .get(0);
        try (InputStream in = Files.newInputStream(files.certFile())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static KeyStore store(X509Certificate... certificates) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            ks.setCertificateEntry("c" + i, certificates[i]);
        }
        return ks;
    }

    @Test
    void secondsUntilTheEarliestNotAfterNegativeOnceExpired() throws Exception {
        X509Certificate shortLived = certificate("short", Duration.ofDays(3));
        X509Certificate longLived = certificate("long", Duration.ofDays(30));
        Instant notAfter = shortLived.getNotAfter().toInstant();
        KeyStore both = store(longLived, shortLived);

        assertEquals(7 * 86_400, CertificateExpiryMetric.secondsLeft(both, notAfter.minus(Duration.ofDays(7))));
        assertEquals(-60, CertificateExpiryMetric.secondsLeft(both, notAfter.plusSeconds(60)));
    }

    @Test
    void anEmptyKeyStoreHasNoExpiry() throws Exception {
        assertTrue(Double.isNaN(CertificateExpiryMetric.secondsLeft(store(), Instant.now())));
    }
}
