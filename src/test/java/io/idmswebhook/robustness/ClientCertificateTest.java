package io.idmswebhook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.idmswebhook.Golden;
import io.idmswebhook.testsupport.Tls;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
    void aClientWithoutACertificateIsRefused(String protocol) {
        assertThrows(IOException.class, () -> exchange(context(null), protocol));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void aCertificateFromAnotherCaIsRefused(String protocol) {
        assertThrows(IOException.class, () -> exchange(context(ClientCertificateProfile.STRANGER), protocol));
    }

    /** Read before any connection, so that a missing file cannot pass for a refused handshake. */
    private static final byte[] REVIEW = Golden.file(Path.of("src/test/resources/golden/idms-allowed.request.json"));

    /** The status line of a review posted over a fresh connection; IOException when refused. */
    private String exchange(SSLContext context, String protocol) throws IOException {
        byte[] review = REVIEW;
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            socket.getOutputStream().write(("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + review.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(review);
            socket.getOutputStream().flush();
            byte[] answer = socket.getInputStream().readAllBytes();
            String text = new String(answer, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                throw new IOException("connection closed without an answer");
            }
            return text.lines().findFirst().orElse("");
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
