package io.idmswebhook.robustness;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.certs.CertificateFiles;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import io.smallrye.certs.Pkcs12CertificateFiles;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The service with client-certificate verification on, as a cluster that gives the API server a
 * client certificate would run it: a CA made for the run, one client certificate it signed (the
 * "API server") and one it did not (a stranger in the pod network).
 */
public class ClientCertificateProfile implements QuarkusTestProfile {

    static final Path DIR = Path.of("target", "test-certs", "client-auth");
    static final String PASSWORD = "test-only";
    static final Path CA = DIR.resolve("client-ca.crt");
    static final Path API_SERVER = DIR.resolve("apiserver-keystore.p12");
    static final Path STRANGER = DIR.resolve("stranger-keystore.p12");

    @Override
    public Map<String, String> getConfigOverrides() {
        make();
        return Map.of("idms.tls.client-auth", "required",
                "quarkus.tls.webhook.trust-store.pem.certs", CA.toAbsolutePath().toString());
    }

    static synchronized void make() {
        try {
            CertificateGenerator generator = new CertificateGenerator(DIR, true);
            List<CertificateFiles> ca = generator.generate(new CertificateRequest().withName("client-ca")
                    .withCN("idms-test-client-ca").withDuration(Duration.ofDays(2))
                    .withFormats(List.of(Format.PEM, Format.PKCS12)).withPassword(PASSWORD));
            KeyStore caStore = load(((Pkcs12CertificateFiles) pick(ca, Format.PKCS12)).keyStoreFile());
            String alias = caStore.aliases().nextElement();
            X509Certificate caCert = (X509Certificate) caStore.getCertificate(alias);
            PrivateKey caKey = (PrivateKey) caStore.getKey(alias, PASSWORD.toCharArray());
            if (!((PemCertificateFiles) pick(ca, Format.PEM)).certFile().equals(CA)) {
                throw new IllegalStateException("the CA certificate is not at " + CA);
            }
            generator.generate(new CertificateRequest().withName("apiserver").withCN("kube-apiserver")
                    .withDuration(Duration.ofDays(2)).withFormat(Format.PKCS12).withPassword(PASSWORD)
                    .signedWith(caCert, caKey));
            generator.generate(new CertificateRequest().withName("stranger").withCN("kube-apiserver")
                    .withDuration(Duration.ofDays(2)).withFormat(Format.PKCS12).withPassword(PASSWORD));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the client certificates in " + DIR, e);
        }
    }

    private static CertificateFiles pick(List<CertificateFiles> files, Format format) {
        return files.stream().filter(f -> f.format() == format).findFirst().orElseThrow();
    }

    static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }
}
