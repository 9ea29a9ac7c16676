package io.idmswebhook.admission;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.Golden;
import io.idmswebhook.Https;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.idmswebhook.ops.TransportTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /validate} over HTTPS against golden answers: each {@code golden/NAME.request.json}
 * must be answered with exactly {@code golden/NAME.response.json}. On a mismatch the actual answer
 * is written to {@code target/golden-actual/} for review.
 */
@QuarkusTest
class ValidateEndpointTest {

    static final Path GOLDEN = Golden.VALIDATE_CASES;
    /** The review the README posts with curl; its answer there must stay true. */
    static final Path README_SAMPLE = Path.of("deploy", "samples", "admission-review-idms.json");

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    static Stream<String> goldenCases() throws IOException {
        return Golden.cases(GOLDEN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void answersAsTheGoldenFileSays(String name) throws IOException {
        byte[] request = Golden.file(GOLDEN.resolve(name + ".request.json"));
        compare(name, request, GOLDEN.resolve(name + ".response.json"));
    }

    @Test
    void theReadmeSampleIsDeniedByRuleP1() throws IOException {
        compare("readme-sample", Golden.file(README_SAMPLE), GOLDEN.resolve("readme-sample.response.json"));
    }

    @Test
    void echoesAnyUidItIsGiven() {
        String uid = UUID.randomUUID().toString();
        ObjectNode review = (ObjectNode) Golden.tree(Golden.file(GOLDEN.resolve("idms-allowed.request.json")));
        ((ObjectNode) review.get("request")).put("uid", uid);
        post(review.toString()).then().statusCode(200)
                .body("response.uid", equalTo(uid))
                .body("apiVersion", equalTo("admission.k8s.io/v1"))
                .body("kind", equalTo("AdmissionReview"));
    }

    @Test
    void aBodyThatIsNotJsonIs400WithAReason() {
        post("apiVersion: admission.k8s.io/v1\nkind: AdmissionReview\n").then().statusCode(400)
                .contentType("application/json")
                .body("code", equalTo(400))
                .body("message", containsString("not valid JSON"));
    }

    @Test
    void jsonThatIsNotAnAdmissionReviewIs400() {
        post("{\"apiVersion\":\"admission.k8s.io/v1beta1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}}")
                .then().statusCode(400)
                .body("message", containsString("admissionReviewVersions"));
        post("[1,2,3]").then().statusCode(400).body("message", containsString("a list"));
    }

    @Test
    void aReviewWithoutUidIs400() {
        ObjectNode review = (ObjectNode) Golden.tree(Golden.file(GOLDEN.resolve("idms-allowed.request.json")));
        ((ObjectNode) review.get("request")).remove("uid");
        post(review.toString()).then().statusCode(400).body("message", containsString("request.uid"));
    }

    @Test
    void aReviewWithAMalformedEnvelopeIs400NamingTheField() {
        ObjectNode review = (ObjectNode) Golden.tree(Golden.file(GOLDEN.resolve("idms-allowed.request.json")));
        ((ObjectNode) review.get("request")).put("kind", "ImageDigestMirrorSet");
        post(review.toString()).then().statusCode(400).body("message", containsString("request.kind"));
    }

    @Test
    void trailingDataAfterTheReviewIs400() {
        String review = new String(Golden.file(GOLDEN.resolve("idms-allowed.request.json")), StandardCharsets.UTF_8);
        post(review + review).then().statusCode(400).body("message", containsString("not valid JSON"));
    }

    @Test
    void deeplyNestedJsonIs400NotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        post(deep).then().statusCode(400).body("message", containsString("JSON limit"));
    }

    @Test
    void aWrongContentTypeIs415() {
        Https.to(webhook).contentType("text/plain")
                .body(Golden.file(GOLDEN.resolve("idms-allowed.request.json")))
                .post("/validate").then().statusCode(415)
                .body("reason", equalTo("UnsupportedMediaType"))
                .body("message", containsString("Content-Type: application/json"));
    }

    @Test
    void anotherMethodIs405WithAReason() {
        Https.to(webhook).get("/validate").then().statusCode(405)
                .header("Allow", "POST")
                .body("code", equalTo(405))
                .body("message", containsString("POSTs an AdmissionReview to /validate"));
    }

    @Test
    void aCharsetParameterOnTheContentTypeIsAccepted() {
        Https.to(webhook).contentType("application/json; charset=utf-8")
                .body(Golden.file(GOLDEN.resolve("idms-allowed.request.json")))
                .post("/validate").then().statusCode(200).body("response.allowed", equalTo(true));
    }

    /**
     * A real caller's body is refused as soon as its declared length is over the limit, before it
     * is read; the raw socket shows that (an HTTP client would still be writing when the answer
     * and the close arrive).
     */
    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TransportTest.TrustAny()}, null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(webhook.getHost(), webhook.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /validate HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (3 * 1024 * 1024 + 1) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine);
        }
    }

    private Response post(String body) {
        return Https.to(webhook).contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/validate");
    }

    private void compare(String name, byte[] request, Path expectedFile) throws IOException {
        Response response = Https.to(webhook).contentType("application/json").body(request).post("/validate");
        String actual = response.asString();
        assertEquals(200, response.statusCode(), name + ": " + actual);
        if (!Files.exists(expectedFile) || !Golden.tree(Files.readAllBytes(expectedFile))
                .equals(Golden.tree(actual.getBytes(StandardCharsets.UTF_8)))) {
            Path out = Path.of("target", "golden-actual", expectedFile.getFileName().toString());
            Files.createDirectories(out.getParent());
            Files.writeString(out, Golden.tree(actual.getBytes(StandardCharsets.UTF_8)).toPrettyString() + "\n");
            assertTrue(Files.exists(expectedFile), name + ": no golden answer yet; the actual one is in " + out);
        }
        Golden.assertJson(Files.readAllBytes(expectedFile), actual, name);
    }
}
