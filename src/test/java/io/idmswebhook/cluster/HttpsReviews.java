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
import java.util.Map;
import java.util.UUID;

/**
 * Sends an AdmissionReview to /validate the way tools/check_cases.py does: a fresh uid, the
 * request fields the API server sets, over HTTPS verified against the serving certificate.
 */
final class HttpsReviews {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String[]> GVR = Map.of(
            "ImageDigestMirrorSet", new String[] {"config.openshift.io", "v1", "imagedigestmirrorsets"},
            "ImageTagMirrorSet", new String[] {"config.openshift.io", "v1", "imagetagmirrorsets"},
            "ImageContentSourcePolicy", new String[] {"operator.openshift.io", "v1alpha1", "imagecontentsourcepolicies"});

    private final HttpClient http;
    private final URI validate;

    HttpsReviews(URL validate, Path caPem) throws Exception {
        this.validate = validate.toURI();
        // bounded, so a stalled /validate fails the test instead of hanging the build
        this.http = HttpClient.newBuilder().sslContext(Tls.trusting(caPem)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static ObjectNode review(JsonNode obj, String op, JsonNode old) {
        String[] gvr = GVR.get(obj.path("kind").asText());
        ObjectNode review = JSON.createObjectNode();
        review.put("apiVersion", "admission.k8s.io/v1").put("kind", "AdmissionReview");
        ObjectNode req = review.putObject("request");
        req.put("uid", UUID.randomUUID().toString());
        for (String f : new String[] {"kind", "requestKind"}) {
            req.putObject(f).put("group", gvr[0]).put("version", gvr[1]).put("kind", obj.path("kind").asText());
        }
        for (String f : new String[] {"resource", "requestResource"}) {
            req.putObject(f).put("group", gvr[0]).put("version", gvr[1]).put("resource", gvr[2]);
        }
        req.put("name", obj.path("metadata").path("name").asText());
        req.put("operation", op);
        req.putObject("userInfo").put("username", "webhook-check").putArray("groups").add("system:authenticated");
        if (op.equals("DELETE")) {
            req.putNull("object");
            req.set("oldObject", obj);
        } else {
            req.set("object", obj);
            req.set("oldObject", op.equals("UPDATE") && old != null ? old : JSON.nullNode());
        }
        req.put("dryRun", false);
        req.putNull("options");
        return review;
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
