package io.idmswebhook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.Golden;
import io.idmswebhook.testsupport.Tls;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code idms.tls.client-auth=required} and {@code idms.tls.client-ca} set, only a client
 * whose certificate that CA signed gets an answer; one without a certificate, or with a
 * certificate from elsewhere, gets no HTTP exchange at all.
 */
@QuarkusTest
@TestProfile(ClientCertificateProfile.class)
class ClientCertificateTest {

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aClientCertificateSignedByTheConfiguredCaIsServed(String protocol) throws Exception {
        String statusLine = exchange(context(ClientCertificateProfile.API_SERVER), protocol);
        assertEquals("HTTP/1.1 200 OK", statusLine);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aClientWithoutACertificateIsRefused(String protocol) throws Exception {
        assertRefusedByTheServer(context(null), protocol);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aCertificateFromAnotherCaIsRefused(String protocol) throws Exception {
        assertRefusedByTheServer(context(ClientCertificateProfile.STRANGER), protocol);
    }

    /**
     * The refusal must come from the server's certificate check, not from a port that is closed
     * or slow: a connect failure or a read timeout is an IOException too and would otherwise pass.
     * What the JDK client sees (observed on JDK 17 against this server): over TLS 1.3 the client's
     * handshake completes first and the server's {@code bad_certificate} alert arrives on the
     * first read, an SSLHandshakeException; over TLS 1.2 the server closes the connection while
     * the client is still writing its certificate flight, a SocketException ("Broken pipe") out of
     * startHandshake, or the alert itself when the client gets to read it first. Over TLS 1.3 the
     * server's verdict comes after the client's handshake, so a connection it closed can also
     * surface on the request write.
     */
    private void assertRefusedByTheServer(SSLContext context, String protocol) {
        Refused refused = assertThrows(Refused.class, () -> exchange(context, protocol));
        IOException cause = refused.getCause();
        System.out.printf("client certificate refused over %s %s: %s%n", protocol, refused.phase, cause);
        boolean alert = cause instanceof SSLException;
        boolean closedInHandshake = cause instanceof SocketException && (refused.phase.equals("handshake")
                || protocol.equals("TLSv1.3") && refused.phase.equals("request"));
        assertTrue(alert || closedInHandshake, () -> "refused for another reason than the client certificate, "
                + refused.phase + ": " + cause);
    }

    /** Read before any connection, so that a missing file cannot pass for a refused handshake. */
    private static final byte[] REVIEW = Golden.file(Path.of("src/test/resources/golden/idms-allowed.request.json"));

    /**
     * The server ended a connection it had accepted before giving any HTTP answer; {@code phase}
     * says where. A connect failure or a timeout is not this: they propagate as they are.
     */
    private static final class Refused extends IOException {
        final String phase;

        Refused(String phase, IOException cause) {
            super(phase + ": " + cause, cause);
            this.phase = phase;
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** The status line of a review posted over a fresh connection; {@link Refused} when refused. */
    private String exchange(SSLContext context, String protocol) throws IOException {
        byte[] head = ("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nContent-Length: " + REVIEW.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        // One write: a second one could meet the reset that the first provoked on a refused
        // connection and hide the alert waiting to be read.
        byte[] request = Arrays.copyOf(head, head.length + REVIEW.length);
        System.arraycopy(REVIEW, 0, request, head.length, REVIEW.length);
        // Connecting is outside the phases below: ConnectException must not count as a refusal.
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            String phase = "handshake";
            try {
                socket.startHandshake();
                phase = "request";
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                phase = "answer";
                byte[] answer = socket.getInputStream().readAllBytes();
                if (answer.length == 0) {
                    throw new Refused(phase, new EOFException("connection closed without an answer"));
                }
                return new String(answer, StandardCharsets.UTF_8).lines().findFirst().orElse("");
            } catch (SocketTimeoutException | Refused e) {
                throw e;
            } catch (IOException e) {
                throw new Refused(phase, e);
            }
        }
    }

    private static SSLContext context(Path keyStore) throws Exception {
        Path served = Path.of(ConfigProvider.getConfig().getValue("idms.tls.cert", String.class));
        KeyManager[] keys = null;
        if (keyStore != null) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ClientCertificateProfile.load(keyStore), ClientCertificateProfile.PASSWORD.toCharArray());
            keys = kmf.getKeyManagers();
        }
        return Tls.context(keys, Tls.trustOnly(Tls.read(served)));
    }
}
