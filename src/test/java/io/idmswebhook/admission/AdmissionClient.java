package io.idmswebhook.admission;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Base64;

/** Builds AdmissionReviews the way the API server sends them and posts them over HTTPS. */
final class AdmissionClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private AdmissionClient() {
    }

    static JsonNode fixture(String name) {
        try (InputStream in = AdmissionClient.class.getResourceAsStream("/mutate/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture mutate/" + name + ".json");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A v1 review of {@code object}, its kind read from the object's apiVersion and kind. */
    static ObjectNode review(String uid, String operation, JsonNode object, JsonNode oldObject) {
        ObjectNode review = JSON.createObjectNode().put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode request = review.putObject("request").put("uid", uid).put("operation", operation)
                .put("name", object.path("metadata").path("name").asText());
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        request.putObject("kind").put("group", apiVersion.substring(0, slash))
                .put("version", apiVersion.substring(slash + 1)).put("kind", object.path("kind").asText());
        request.set("object", object);
        if (oldObject != null) {
            request.set("oldObject", oldObject);
        }
        return review;
    }

    static Response post(URL url, JsonNode review) {
        try {
            return post(url, JSON.writeValueAsBytes(review), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response post(URL url, byte[] body, String contentType) {
        return given().relaxedHTTPSValidation().contentType(contentType).body(body).when().post(url)
                .then().extract().response();
    }

    static JsonNode body(Response response) {
        try {
            return JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded patch of an answer, or null when it carries none. */
    static JsonNode patch(JsonNode answer) {
        JsonNode patch = answer.path("response").get("patch");
        if (patch == null || patch.isNull()) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getDecoder().decode(patch.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
