package io.idmswebhook.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.idmswebhook.testsupport.Tls;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What the API server and the kubelet see of the two ports. */
@QuarkusTest
public class TransportTest {

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    // Relative to the management root path (/q).
    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/health/live", management = true)
    URL live;

    @Test
    void plainHttpOnTheWebhookPortGetsNoHttpAnswer() throws Exception {
        try (Socket socket = new Socket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(5);
            String text = new String(head, StandardCharsets.US_ASCII);
            assertFalse(text.startsWith("HTTP/"), "the webhook port answered plain HTTP: " + text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void servesTheConfiguredCertificateOverTls12And13(String protocol) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustAny()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(10_000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            assertEquals(protocol, socket.getSession().getProtocol());
            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            Path configured = Path.of(ConfigProvider.getConfig().getValue("idms.tls.cert", String.class));
            X509Certificate expected = Tls.readOne(configured);
            assertArrayEquals(expected.getEncoded(), served.getEncoded(), "served certificate is not " + configured);
        }
    }

    @Test
    void readinessIsUpOnThePlainManagementPortOnceTheCertificateIsServed() {
        assertEquals("http", ready.getProtocol());
        assertEquals("/q/health/ready", ready.getPath());
        given().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("serving-certificate"))
                .body("checks.find { it.name == 'serving-certificate' }.status", equalTo("UP"));
    }

    @Test
    void livenessIsUp() {
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The test certificate is made per run; what is checked here is which one is served. */
    public static final class TrustAny implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
