package io.idmswebhook.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Client TLS for tests that must verify what the webhook serves, as the API server verifies it
 * against its caBundle: the anchors are exactly the given certificates, never the JDK's default
 * store and never a trust-anything manager, so a wrong certificate fails the handshake.
 */
public final class Tls {

    private Tls() {
    }

    /** Every certificate in a PEM file (a bundle may hold several). */
    public static List<X509Certificate> read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalStateException("no certificate in " + pem);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PEM certificate file: " + pem, e);
        }
    }

    /** The one certificate in a PEM file; fails when it holds more, so the wrong file is noticed. */
    public static X509Certificate readOne(Path pem) {
        List<X509Certificate> all = read(pem);
        if (all.size() != 1) {
            throw new IllegalStateException(pem + " holds " + all.size() + " certificates, expected 1");
        }
        return all.get(0);
    }

    /** Trust managers whose only anchors are {@code anchors}. */
    public static TrustManager[] trustOnly(List<X509Certificate> anchors) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < anchors.size(); i++) {
                store.setCertificateEntry("anchor-" + i, anchors.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return tmf.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a trust store of " + anchors.size() + " certificate(s)", e);
        }
    }

    /**
     * A fresh context: {@code keys} (null for none) presented as the client certificate,
     * {@code trust} as the anchors. Fresh matters where a test counts handshakes: a reused context
     * resumes sessions and reports the certificate of the first handshake.
     */
    public static SSLContext context(KeyManager[] keys, TrustManager[] trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise a TLS client context", e);
        }
    }

    /** A client context that trusts the certificates in {@code pem} and nothing else. */
    public static SSLContext trusting(Path pem) {
        return context(null, trustOnly(read(pem)));
    }

    /** A client context that trusts {@code anchors} and nothing else. */
    public static SSLContext trusting(X509Certificate... anchors) {
        return context(null, trustOnly(List.of(anchors)));
    }
}
