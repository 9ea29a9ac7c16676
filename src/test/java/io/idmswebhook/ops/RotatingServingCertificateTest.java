package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serving certificate's first load, outside Quarkus: what it serves and what it sets for the JDK. */
class RotatingServingCertificateTest {

    @TempDir
    Path dir;

    private Vertx vertx;
    private String before;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        before = System.getProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS);
        System.clearProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS);
        new CertificateGenerator(dir, false).generate(new CertificateRequest().withName("serving")
                .withCN("idms-webhook test").withSubjectAlternativeName("DNS:localhost")
                .withDuration(Duration.ofDays(1)).withFormat(Format.PEM));
    }

    @AfterEach
    void tearDown() {
        vertx.close();
        if (before == null) {
            System.clearProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS);
        } else {
            System.setProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS, before);
        }
    }

    private RotatingServingCertificate provider() {
        RotatingServingCertificate p = new RotatingServingCertificate();
        p.certFile = dir.resolve("serving.crt");
        p.keyFile = dir.resolve("serving.key");
        p.reloadPeriod = Duration.ZERO;
        return p;
    }

    @Test
    void theInMemoryStoreIsBuiltWithOnePbeRoundAndServesTheFilesPair() throws Exception {
        RotatingServingCertificate p = provider();
        KeyManager[] managers = p.getKeyStore(vertx).options.getKeyManagerFactory(vertx).getKeyManagers();

        assertEquals("1", System.getProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS));
        X509ExtendedKeyManager km = (X509ExtendedKeyManager) managers[0];
        String alias = km.chooseEngineServerAlias("RSA", null, null);
        assertNotNull(alias, "the key manager offers the RSA key of the files");
        assertNotNull(km.getPrivateKey(alias));
        X509Certificate served = km.getCertificateChain(alias)[0];
        X509Certificate file = (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(dir.resolve("serving.crt")));
        assertEquals(file, served);
        KeyStore store = p.currentKeyStore();
        assertEquals(file, store.getCertificate(store.aliases().nextElement()));
    }

    @Test
    void anIterationCountTheOperatorSetIsKept() throws Exception {
        System.setProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS, "20000");
        provider().getKeyStore(vertx);
        assertEquals("20000", System.getProperty(RotatingServingCertificate.KEY_PBE_ITERATIONS));
    }
}
