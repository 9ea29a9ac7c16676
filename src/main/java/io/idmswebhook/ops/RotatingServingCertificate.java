package io.idmswebhook.ops;

import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.quarkus.tls.runtime.KeyStoreAndKeyCertOptions;
import io.quarkus.tls.runtime.KeyStoreProvider;
import io.idmswebhook.ops.SwappingKeyManager.Generation;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.PemKeyCertOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.X509ExtendedKeyManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The serving certificate of the webhook port, re-read from the PEM files every
 * {@code idms.tls.reload-period} and swapped in without touching the HTTPS server.
 *
 * <p>Why not {@code quarkus.tls.*.reload-period}: that path hands the server new SSL options, and
 * while Vert.x 4.5 builds the new SSL context it closes every connection accepted in the meantime
 * (a NullPointerException in TCPServerBase's channel initializer; measured up to a second on a busy
 * machine, see TlsRotationTest). The API server then sees failed calls, which under
 * {@code failurePolicy: Fail} are refused writes. Here the server is built once around a
 * {@link SwappingKeyManager} that delegates to the current certificate, so a rotation is one
 * volatile write: every handshake that starts afterwards presents the new certificate, and no
 * connection is refused.
 *
 * <p>The files are compared by content, so an unchanged Secret costs two small reads per period.
 * A half-updated pair (a key that does not match the certificate, an unreadable file) keeps the
 * current certificate in service and is retried at the next period; the kubelet's atomic swap of
 * {@code ..data} makes that rare, a hand-copied pair can produce it.
 *
 * <p>Loading, checking and swapping are one class because a pair is only swapped in once it has
 * been checked as a pair, under the same lock that reads the files; what a handshake does with the
 * swapped-in version is {@link SwappingKeyManager}'s.
 */
@ApplicationScoped
@Identifier("webhook")
public class RotatingServingCertificate implements KeyStoreProvider {

    private static final Logger LOG = Logger.getLogger(RotatingServingCertificate.class);

    /**
     * Vert.x reads a PEM pair into an in-memory PKCS12 key store (twice per load here), and the JDK
     * wraps the key in each with 10,000 rounds of PBKDF2, most of them interpreted at start. The
     * store is never written anywhere, so the rounds protect nothing; they cost about half a second
     * of the start (bench/STARTUP.md). Only stores created in this process are affected, and a value
     * the operator sets with {@code -D} is kept.
     */
    static final String KEY_PBE_ITERATIONS = "keystore.pkcs12.keyPbeIterationCount";

    @ConfigProperty(name = "idms.tls.cert", defaultValue = "certs/dev/tls.crt")
    Path certFile;

    @ConfigProperty(name = "idms.tls.key", defaultValue = "certs/dev/tls.key")
    Path keyFile;

    @ConfigProperty(name = "idms.tls.reload-period", defaultValue = "1m")
    Duration reloadPeriod;

    private final SwappingKeyManager keyManager = new SwappingKeyManager();
    private volatile Generation current;
    private boolean timerStarted;

    /** Called by the TLS registry when it sets up the configuration named {@code webhook}. */
    @Override
    public synchronized KeyStoreAndKeyCertOptions getKeyStore(Vertx vertx) {
        if (current == null) {
            if (System.getProperty(KEY_PBE_ITERATIONS) == null) {
                System.setProperty(KEY_PBE_ITERATIONS, "1");
            }
            try {
                install(load(vertx, Files.readAllBytes(certFile), Files.readAllBytes(keyFile), 1));
            } catch (Exception e) {
                throw new IllegalStateException("cannot load the serving certificate from idms.tls.cert=" + certFile
                        + " and idms.tls.key=" + keyFile + ": " + e.getMessage()
                        + "; mount the Secret there or set IDMS_TLS_CERT/IDMS_TLS_KEY to PEM files", e);
            }
        }
        if (!timerStarted && !reloadPeriod.isZero() && !reloadPeriod.isNegative()) {
            timerStarted = true;
            vertx.setPeriodic(reloadPeriod.toMillis(), id -> vertx.executeBlocking(() -> {
                reloadIfChanged(vertx);
                return null;
            }, false));
        }
        return new KeyStoreAndKeyCertOptions(current.keyStore(), KeyCertOptions.wrap(keyManager));
    }

    /** The key store of the certificate handshakes get now. */
    public KeyStore currentKeyStore() {
        Generation g = current;
        return g == null ? null : g.keyStore();
    }

    /**
     * The key store the HTTPS port serves, for readiness and the expiry metric: this provider's
     * current one for the webhook configuration (the TLS registry keeps only the first it was
     * given), the registry's for any other configuration; null when there is none.
     */
    public KeyStore servedKeyStore(TlsConfigurationRegistry registry, Optional<String> configurationName) {
        KeyStore rotating = configurationName.filter("webhook"::equals).isPresent() ? currentKeyStore() : null;
        return rotating != null ? rotating
                : TlsConfiguration.from(registry, configurationName).map(TlsConfiguration::getKeyStore).orElse(null);
    }

    /** Reads both files; swaps when their content changed and they form a valid pair. Returns whether it swapped. */
    public synchronized boolean reloadIfChanged(Vertx vertx) {
        Generation now = current;
        byte[] cert;
        byte[] key;
        try {
            cert = Files.readAllBytes(certFile);
            key = Files.readAllBytes(keyFile);
        } catch (IOException e) {
            LOG.warnf("cannot read the serving certificate files %s and %s (%s); still serving %s, retrying in %s",
                    certFile, keyFile, e.toString(), describe(now.leaf()), reloadPeriod);
            return false;
        }
        if (Arrays.equals(cert, now.certPem()) && Arrays.equals(key, now.keyPem())) {
            return false;
        }
        try {
            Generation next = load(vertx, cert, key, now.id() + 1);
            install(next);
            LOG.infof("serving certificate rotated: now %s (was %s)", describe(next.leaf()), describe(now.leaf()));
            return true;
        } catch (Exception e) {
            LOG.warnf("the new files %s and %s are not a usable certificate and key (%s); still serving %s, retrying in %s",
                    certFile, keyFile, e.getMessage(), describe(now.leaf()), reloadPeriod);
            return false;
        }
    }

    private void install(Generation g) {
        keyManager.swapTo(g);
        current = g;
    }

    private static Generation load(Vertx vertx, byte[] cert, byte[] key, int id) throws Exception {
        PemKeyCertOptions pem = new PemKeyCertOptions().setCertValue(Buffer.buffer(cert)).setKeyValue(Buffer.buffer(key));
        KeyStore store = pem.loadKeyStore(vertx);
        X509ExtendedKeyManager km = null;
        for (KeyManager m : pem.getKeyManagerFactory(vertx).getKeyManagers()) {
            if (m instanceof X509ExtendedKeyManager x) {
                km = x;
            }
        }
        if (km == null) {
            throw new IllegalStateException("the JDK offers no X509ExtendedKeyManager for the key store");
        }
        // What a handshake will use: the alias the key manager offers for the certificate's key type.
        X509Certificate first = null;
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate x) {
                first = x;
                break;
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("no X.509 certificate in the PEM file");
        }
        String[] aliases = km.getServerAliases(first.getPublicKey().getAlgorithm(), null);
        if (aliases == null || aliases.length == 0 || km.getPrivateKey(aliases[0]) == null) {
            throw new IllegalArgumentException("no private key for the certificate " + describe(first));
        }
        X509Certificate leaf = km.getCertificateChain(aliases[0])[0];
        requireMatchingPair(leaf, km.getPrivateKey(aliases[0]));
        return new Generation(id, cert, key, store, leaf, km);
    }

    /**
     * Files read in the middle of a hand-made, non-atomic update can pair a new certificate with
     * the old key; serving that would fail every handshake, so it is caught here by a signature.
     */
    private static void requireMatchingPair(X509Certificate leaf, PrivateKey key) throws Exception {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
        };
        byte[] probe = "idms-webhook key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(leaf.getPublicKey());
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new IllegalArgumentException("the private key does not belong to the certificate " + describe(leaf));
        }
    }

    private static String describe(X509Certificate c) {
        return c.getSubjectX500Principal().getName() + " serial " + c.getSerialNumber().toString(16) + " valid until "
                + c.getNotAfter().toInstant();
    }
}
