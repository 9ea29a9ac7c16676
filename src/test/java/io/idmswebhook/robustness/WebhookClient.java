package io.idmswebhook.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.testsupport.Tls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A keep-alive HTTP/1.1 client that trusts exactly the certificate the service was started with,
 * as the API server trusts its caBundle. Every request has a deadline: a hang is a failure, not a
 * test that never ends.
 */
final class WebhookClient {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The API server gives a webhook at most 30 s; an answer later than that is no answer. */
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;

    WebhookClient(URI base, Path servedCertificate) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(Tls.trusting(servedCertificate))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** One answer: its HTTP status and body. */
    record Reply(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    Reply post(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(DEADLINE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        // The request timeout covers the wait for the answer's headers; the outer deadline also
        // covers a body that never ends.
        try {
            HttpResponse<byte[]> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(DEADLINE.toSeconds() + 5, TimeUnit.SECONDS);
            return new Reply(response.statusCode(), response.body());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("no complete answer within " + DEADLINE.plusSeconds(5) + " for " + path, e);
        }
    }
}
