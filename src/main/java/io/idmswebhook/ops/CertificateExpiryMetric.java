package io.idmswebhook.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
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
 * Seconds until the served certificate's notAfter. Read from the TLS registry at every scrape,
 * the configuration the HTTPS server serves ({@code quarkus.http.tls-configuration-name}), so a
 * rotated Secret shows here once the registry has reloaded it, as it does on the wire.
 */
@Singleton
@Startup
public class CertificateExpiryMetric {

    public static final String NAME = "idms.webhook.certificate.expiry";

    private final TlsConfigurationRegistry registry;
    private final Optional<String> configurationName;
    private final Clock clock;

    public CertificateExpiryMetric(MeterRegistry meters, TlsConfigurationRegistry registry,
                                   @ConfigProperty(name = "quarkus.http.tls-configuration-name")
                                   Optional<String> configurationName) {
        this.registry = registry;
        this.configurationName = configurationName;
        this.clock = Clock.systemUTC();
        Gauge.builder(NAME, this, CertificateExpiryMetric::secondsLeft)
                .description("Seconds until the served certificate expires (negative once expired); NaN without one")
                .baseUnit("seconds")
                .strongReference(true)
                .register(meters);
    }

    double secondsLeft() {
        KeyStore keyStore = TlsConfiguration.from(registry, configurationName)
                .map(TlsConfiguration::getKeyStore).orElse(null);
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
