package io.idmswebhook.admission;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Base64;

/** Posts AdmissionReviews ({@code Reviews.review}) over HTTPS and reads the answers. */
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
