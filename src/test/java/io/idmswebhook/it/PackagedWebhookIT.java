package io.idmswebhook.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.zjsonpatch.JsonPatch;
import io.idmswebhook.Golden;
import io.idmswebhook.TestCertificates;
import io.idmswebhook.testsupport.Reviews;
import io.idmswebhook.testsupport.Tls;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;
import java.io.InputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged application (target/quarkus-app, or the native executable with {@code -Dnative}) as the API
 * server and the kubelet see it: HTTPS on the webhook port with the configured certificate,
 * AdmissionReview answers for allow, deny, warnings and defaulting, refusals of malformed calls,
 * and plain-HTTP health on the management port. Nothing inside the process is reached: this is
 * what catches a missing reflection registration or resource in a native build.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedAppSettings.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedWebhookIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Golden.VALIDATE_CASES;

    @TestHTTPResource(value = "/validate", tls = true)
    URL validate;

    @TestHTTPResource(value = "/mutate", tls = true)
    URL mutate;


    static Stream<String> goldenCases() throws IOException {
        return Golden.cases(GOLDEN);
    }

    /** Allowed, denied and warned reviews of all three kinds, answered exactly as the goldens say. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenCases")
    void validateAnswersAsTheGoldenFileSays(String name) throws Exception {
        Response response = post(validate, Golden.file(GOLDEN.resolve(name + ".request.json")), "application/json");
        assertEquals(200, response.statusCode(), name + ": " + response.asString());
        Golden.assertJson(Files.readAllBytes(GOLDEN.resolve(name + ".response.json")), response.asString(), name);
    }

    @Test
    void aDenialCarriesAStatusWithTheRuleId() {
        JsonNode answer = body(post(validate, Golden.file(GOLDEN.resolve("itms-denied-p1.request.json")), "application/json"));
        assertFalse(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertEquals(403, answer.at("/response/status/code").asInt());
        assertTrue(answer.at("/response/status/message").asText().endsWith("[P1]"), answer::toString);
    }

    @Test
    void anAllowedReviewCarriesItsWarnings() {
        JsonNode answer = body(post(validate, Golden.file(GOLDEN.resolve("idms-allowed.request.json")), "application/json"));
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertEquals(1, answer.at("/response/warnings").size(), answer::toString);
        assertTrue(answer.at("/response/warnings/0").asText().endsWith("[P8]"), answer::toString);
    }

    /** The patch is base64 of a JSONPatch array that, applied to the object, gives the normalised object. */
    @Test
    void mutateAnswersWithABase64JsonPatch() throws Exception {
        JsonNode fixture;
        try (InputStream in = PackagedWebhookIT.class.getResourceAsStream("/mutate/d1-trim.json")) {
            fixture = JSON.readTree(in);
        }
        JsonNode object = fixture.get("object");
        ObjectNode review = Reviews.review("it-mutate-1", "CREATE", object, null);

        JsonNode answer = body(post(mutate, Reviews.bytes(review), "application/json"));
        assertEquals("it-mutate-1", answer.at("/response/uid").asText());
        assertTrue(answer.at("/response/allowed").asBoolean(), answer::toString);
        assertEquals("JSONPatch", answer.at("/response/patchType").asText(), answer::toString);
        String encoded = answer.at("/response/patch").asText();
        assertFalse(encoded.isEmpty(), answer::toString);
        JsonNode patch = JSON.readTree(Base64.getDecoder().decode(encoded));
        assertTrue(patch.isArray(), patch::toString);
        assertEquals(fixture.get("patch"), patch);
        assertEquals(fixture.get("warnings"), answer.at("/response/warnings"));
        JsonNode patched = JsonPatch.apply(patch, object);
        assertEquals("quay.io/ns", patched.at("/spec/imageDigestMirrors/0/source").asText());
    }

    @Test
    void aBodyThatIsNotJsonIs400WithAReason() {
        post(validate, "kind: AdmissionReview\n".getBytes(StandardCharsets.UTF_8), "application/json")
                .then().statusCode(400).body("code", equalTo(400)).body("message", containsString("not valid JSON"));
    }

    @Test
    void aWrongContentTypeIs415() {
        assertEquals(415, post(validate, Golden.file(GOLDEN.resolve("idms-allowed.request.json")), "text/plain").statusCode());
        assertEquals(415, post(mutate, Golden.file(GOLDEN.resolve("idms-allowed.request.json")), "text/plain").statusCode());
    }

    @Test
    void healthIsPlainHttpOnTheManagementPort() {
        URL ready = PackagedAppSettings.management("/health/ready");
        URL live = PackagedAppSettings.management("/health/live");
        assertEquals("http", ready.getProtocol());
        assertTrue(ready.getPort() != validate.getPort(), "health must not be on the webhook port");
        given().get(ready).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'serving-certificate' }.status", equalTo("UP"));
        given().get(live).then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Validated against the certificate file itself, not with a trust-anything client. */
    @Test
    void servesTheCertificateFromTheConfiguredFiles() throws Exception {
        X509Certificate expected = Tls.readOne(TestCertificates.DIR.resolve("webhook.crt"));
        SSLContext context = Tls.trusting(expected);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(validate.getHost(), validate.getPort())) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertArrayEquals(expected.getEncoded(), served.getEncoded());
        }
    }

    private static Response post(URL url, byte[] body, String contentType) {
        return given().relaxedHTTPSValidation().contentType(contentType).body(body).when().post(url).then().extract().response();
    }

    private static JsonNode body(Response response) {
        JsonNode tree = Golden.tree(response.asByteArray());
        assertNotNull(tree);
        return tree;
    }
}
