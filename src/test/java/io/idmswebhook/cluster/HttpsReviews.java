package io.idmswebhook.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.testsupport.Tls;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Sends an AdmissionReview ({@code Reviews.review}) to /validate over HTTPS verified against the
 * serving certificate, as the API server and the black-box checks do.
 */
final class HttpsReviews {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI validate;

    HttpsReviews(URL validate, Path caPem) throws Exception {
        this.validate = validate.toURI();
        // bounded, so a stalled /validate fails the test instead of hanging the build
        this.http = HttpClient.newBuilder().sslContext(Tls.trusting(caPem)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The HTTP status and the parsed body. */
    record Answer(int status, JsonNode body, String uid) {
        JsonNode response() {
            return body.path("response");
        }
    }

    Answer send(ObjectNode review) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(validate).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(review))).build();
        HttpResponse<byte[]> resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(resp.statusCode(), JSON.readTree(resp.body()), review.path("request").path("uid").asText());
    }
}
