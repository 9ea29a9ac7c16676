package io.idmswebhook.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.smallrye.common.annotation.Identifier;
import jakarta.inject.Singleton;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seconds until the served certificate's notAfter, read at every scrape from what the HTTPS
 * server serves: the {@link RotatingServingCertificate}'s current key store for the webhook
 * configuration (the registry keeps the first one it was given), so a rotated Secret shows here
 * as soon as it is on the wire.
 */
@Singleton
@Startup
public class CertificateExpiryMetric {

    public static final String NAME = "idms.webhook.certificate.expiry";

    private final TlsConfigurationRegistry registry;
    private final Optional<String> configurationName;
    private final RotatingServingCertificate rotating;
    private final Clock clock;

    public CertificateExpiryMetric(MeterRegistry meters, TlsConfigurationRegistry registry,
                                   @ConfigProperty(name = "quarkus.http.tls-configuration-name")
                                   Optional<String> configurationName,
                                   @Identifier("webhook") RotatingServingCertificate rotating) {
        this.registry = registry;
        this.configurationName = configurationName;
        this.rotating = rotating;
        this.clock = Clock.systemUTC();
        Gauge.builder(NAME, this, CertificateExpiryMetric::secondsLeft)
                .description("Seconds until the served certificate expires (negative once expired); NaN without one")
                .baseUnit("seconds")
                .strongReference(true)
                .register(meters);
    }

    double secondsLeft() {
        KeyStore keyStore = rotating.servedKeyStore(registry, configurationName);
        return keyStore == null ? Double.NaN : secondsLeft(keyStore, clock.instant());
    }

    /**
     * The earliest notAfter among the key store's certificates: with several, the API server may
     * be handed any of them, so the first to expire is the one to act on.
     */
    static double secondsLeft(KeyStore keyStore, Instant now) {
        try {
            Instant first = null;
            for (String alias : Collections.list(keyStore.aliases())) {
                Certificate c = keyStore.getCertificate(alias);
                if (c instanceof X509Certificate x509) {
                    Instant notAfter = x509.getNotAfter().toInstant();
                    if (first == null || notAfter.isBefore(first)) {
                        first = notAfter;
                    }
                }
            }
            return first == null ? Double.NaN : (first.toEpochMilli() - now.toEpochMilli()) / 1000.0;
        } catch (KeyStoreException e) {
            return Double.NaN;
        }
    }
}
