package io.idmswebhook.ops;

import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Date;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the webhook port serves a certificate that is valid now. The API server
 * cannot call a webhook whose certificate is missing or expired, so sending it traffic then
 * would only turn every write of a mirror set into a failed call. The HTTPS server serves the
 * TLS configuration named by quarkus.http.tls-configuration-name; for {@code webhook} its key
 * store comes from {@link RotatingServingCertificate}, whose current certificate is read here so
 * that a rotation is reflected (the registry keeps the first key store it was given).
 */
@Readiness
@ApplicationScoped
public class ServingCertificateCheck implements HealthCheck {

    static final String NAME = "serving-certificate";

    @Inject
    TlsConfigurationRegistry registry;

    @ConfigProperty(name = "quarkus.http.tls-configuration-name")
    Optional<String> tlsConfigurationName;

    @Inject
    @Identifier("webhook")
    RotatingServingCertificate rotating;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME);
        KeyStore keyStore = rotating.servedKeyStore(registry, tlsConfigurationName);
        if (keyStore == null) {
            return b.down().withData("reason", "no serving certificate is configured (quarkus.tls.webhook.key-store)").build();
        }
        try {
            Date now = new Date();
            String problem = "the key store holds no X.509 certificate";
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate c = keyStore.getCertificate(alias);
                if (!(c instanceof X509Certificate x509)) {
                    continue;
                }
                try {
                    x509.checkValidity(now);
                    return b.up()
                            .withData("subject", x509.getSubjectX500Principal().getName())
                            .withData("notAfter", x509.getNotAfter().toInstant().toString())
                            .build();
                } catch (CertificateExpiredException e) {
                    problem = "the serving certificate expired at " + x509.getNotAfter().toInstant();
                } catch (CertificateNotYetValidException e) {
                    problem = "the serving certificate is valid only from " + x509.getNotBefore().toInstant();
                }
            }
            return b.down().withData("reason", problem).build();
        } catch (KeyStoreException e) {
            return b.down().withData("reason", "the key store cannot be read: " + e.getMessage()).build();
        }
    }
}
