package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.Golden;
import io.idmswebhook.testsupport.Reviews;
import io.idmswebhook.testsupport.Tls;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * Issue 6 item 6: a rotated Secret is served without a restart and without a failed request.
 * A client loop calls {@code POST /validate} with a new connection and a full TLS handshake each
 * time (a resumed session would report the old certificate) while the mounted files are swapped the kubelet's way; it
 * trusts exactly the two certificates, verifies the host name, and records which one each
 * handshake was given.
 */
@QuarkusTest
@WithTestResource(value = MountedSecretCertificates.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class TlsRotationTest {

    /** How long the loop runs before the swap. */
    private static final long BEFORE_NANOS = 5_000_000_000L;
    /**
     * How long after the swap the new certificate may take: fifteen reload periods, for a busy
     * machine where a timer tick and the blocking reload can wait for a core, yet half the
     * production default (1m), so a service that ignored the configured period would still fail.
     * The measured delay is printed.
     */
    private static final long AFTER_LIMIT_NANOS = Duration.ofSeconds(30).toNanos();
    /**
     * Once the new certificate is served, keep going for two more reload ticks and at least this
     * many requests, so that an old certificate coming back on a later tick is seen even when
     * a slow machine makes few requests per second.
     */
    private static final long SETTLE_NANOS = MountedSecretCertificates.RELOAD_PERIOD.toNanos() * 2;
    private static final int SETTLE_REQUESTS = 10;
    /** Per request, as long as the API server waits for a webhook at most. */
    private static final int SOCKET_TIMEOUT_MS = 30_000;

    private static final byte[] REVIEW = Reviews.bytes(Reviews.review("rotation", "CREATE", Golden.tree("""
            {"apiVersion":"config.openshift.io/v1","kind":"ImageDigestMirrorSet","metadata":{"name":"r"},
             "spec":{"imageDigestMirrors":[{"source":"quay.io/ns","mirrors":["mirror.example.net/ns"]}]}}"""
            .getBytes(StandardCharsets.UTF_8)), null));

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    @Test
    void aSwappedSecretIsServedWithinTheReloadPeriodAndNoRequestFails() throws Exception {
        X509Certificate before = Tls.readOne(MountedSecretCertificates.certificate("before"));
        X509Certificate after = Tls.readOne(MountedSecretCertificates.certificate("after"));
        // Trusts the two rotation certificates and nothing else. A new context per call: the JDK
        // resumes TLS 1.3 sessions from tickets even after SSLSession.invalidate(), and a resumed
        // session reports the certificate of its first handshake.
        TrustManager[] trust = Tls.trustOnly(List.of(before, after));

        int requests = 0;
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        long swappedAt = -1;
        long firstNewAt = -1;
        int oldAfterNew = 0;
        int seenBefore = 0;
        int seenAfter = 0;
        while (true) {
            long now = System.nanoTime();
            if (swappedAt < 0 && now - start >= BEFORE_NANOS) {
                MountedSecretCertificates.publish("after");
                swappedAt = System.nanoTime();
            }
            boolean gaveUp = firstNewAt < 0 && swappedAt >= 0 && now - swappedAt > AFTER_LIMIT_NANOS;
            // Bounded even when requests keep failing after the new certificate was seen.
            boolean settled = firstNewAt >= 0 && now - firstNewAt > SETTLE_NANOS
                    && (seenAfter >= SETTLE_REQUESTS || now - firstNewAt > AFTER_LIMIT_NANOS);
            if (gaveUp || settled) {
                break;
            }
            requests++;
            try {
                X509Certificate served = call(Tls.context(null, trust));
                if (same(served, after)) {
                    seenAfter++;
                    if (firstNewAt < 0) {
                        firstNewAt = System.nanoTime();
                    }
                } else if (same(served, before)) {
                    seenBefore++;
                    if (firstNewAt >= 0) {
                        oldAfterNew++;
                    }
                } else {
                    failures.add("request " + requests + ": served " + served.getSubjectX500Principal());
                }
            } catch (Exception e) {
                failures.add("request " + requests + " at " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e);
            }
        }

        long seenAfterMs = firstNewAt < 0 ? -1 : (firstNewAt - swappedAt) / 1_000_000;
        System.out.printf("TLS rotation: %d requests, %d failed, old certificate on %d, new certificate first served %d ms "
                + "after the swap (reload period %s)%n", requests, failures.size(), seenBefore, seenAfterMs,
                MountedSecretCertificates.RELOAD_PERIOD);
        assertEquals(List.of(), failures, "requests failed during the rotation");
        assertTrue(seenBefore > 0, "the old certificate was never served before the swap");
        assertTrue(firstNewAt >= 0, "the new certificate was not served within " + AFTER_LIMIT_NANOS / 1_000_000
                + " ms of the swap; reload period " + MountedSecretCertificates.RELOAD_PERIOD);
        assertEquals(0, oldAfterNew, "the old certificate came back after the new one was served");
    }

    /** One request on its own connection; returns the certificate the handshake presented. */
    private X509Certificate call(SSLContext context) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(SOCKET_TIMEOUT_MS);
            SSLParameters params = socket.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.startHandshake();
            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            OutputStream out = socket.getOutputStream();
            out.write(("POST /validate HTTP/1.1\r\nHost: " + webhook.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + REVIEW.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(REVIEW);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            String text = answer.toString(StandardCharsets.UTF_8);
            if (!text.startsWith("HTTP/1.1 200") || !text.contains("\"allowed\":true")) {
                throw new IllegalStateException("unexpected answer: " + text);
            }
            return served;
        }
    }

    private static boolean same(X509Certificate a, X509Certificate b) throws Exception {
        return java.util.Arrays.equals(a.getEncoded(), b.getEncoded());
    }
}
