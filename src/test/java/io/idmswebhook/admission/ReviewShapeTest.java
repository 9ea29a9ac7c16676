package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.engine.MirrorSetValidator;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Reviews shaped exactly as the API server sends them, nested fields included, must be read.
 * The API server always fills request.options (CreateOptions, UpdateOptions) and those are
 * typed through fabric8's generic resource deserializer, which reads a nested value with the
 * same mapper.
 */
class ReviewShapeTest {

    private final ObjectMapper mapper = AdmissionJson.newMapper();
    private final ReviewPipeline pipeline =
            new ReviewPipeline(new ReviewReader(mapper), new AnswerWriter(mapper.getFactory()), ReviewObserver.NONE);
    private final ValidatingWebhook validating = new ValidatingWebhook(new MirrorSetValidator()::validate, ClusterView.OFF);

    private static final String OBJECT = """
            {"apiVersion":"config.openshift.io/v1","kind":"ImageDigestMirrorSet",
             "metadata":{"name":"shape"},
             "spec":{"imageDigestMirrors":[{"source":"quay.io/ns/app","mirrors":["mirror.example.com/ns/app"]}]}}""";

    private static String review(String extraRequestFields) {
        return """
                {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{
                 "uid":"u-1","operation":"CREATE","name":"shape",
                 "kind":{"group":"config.openshift.io","version":"v1","kind":"ImageDigestMirrorSet"},
                 "resource":{"group":"config.openshift.io","version":"v1","resource":"imagedigestmirrorsets"},
                 "object":%s%s}}""".formatted(OBJECT, extraRequestFields);
    }

    private HttpReply send(String body) {
        return pipeline.answer(validating, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void createOptionsAreRead() {
        HttpReply answer = send(review(
                ",\"options\":{\"apiVersion\":\"meta.k8s.io/v1\",\"kind\":\"CreateOptions\"},\"dryRun\":false,\"oldObject\":null"));
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(200, answer.httpStatus(), body);
        assertTrue(body.contains("\"allowed\":true"), body);
        assertTrue(body.contains("\"uid\":\"u-1\""), body);
    }

    @Test
    void updateOptionsWithFieldManagerAreRead() {
        HttpReply answer = send(review(
                ",\"options\":{\"apiVersion\":\"meta.k8s.io/v1\",\"kind\":\"UpdateOptions\",\"fieldManager\":\"kubectl\"}"));
        assertEquals(200, answer.httpStatus(), new String(answer.body(), StandardCharsets.UTF_8));
    }

    @Test
    void objectMetadataAsStoredIsRead() {
        String stored = OBJECT.replace("\"metadata\":{\"name\":\"shape\"}", """
                "metadata":{"name":"shape","uid":"0b8c6f4e","resourceVersion":"42","generation":3,
                 "creationTimestamp":"2025-01-01T00:00:00Z","annotations":{"a":"b"},
                 "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"o","uid":"x"}],
                 "managedFields":[{"manager":"kubectl","operation":"Apply","apiVersion":"config.openshift.io/v1",
                  "time":"2025-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:imageDigestMirrors":{}}}}]}""");
        String body = review(",\"options\":{\"apiVersion\":\"meta.k8s.io/v1\",\"kind\":\"UpdateOptions\"}")
                .replace("\"operation\":\"CREATE\"", "\"operation\":\"UPDATE\"")
                .replace("\"object\":" + OBJECT, "\"object\":" + stored + ",\"oldObject\":" + stored);
        HttpReply answer = send(body);
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(200, answer.httpStatus(), text);
        assertTrue(text.contains("\"allowed\":true"), text);
    }

    @Test
    void contentAfterTheReviewIsStillRefused() {
        HttpReply answer = send(review("") + " {}");
        String body = new String(answer.body(), StandardCharsets.UTF_8);
        assertEquals(400, answer.httpStatus(), body);
        assertTrue(body.contains("not valid JSON") || body.contains("Trailing"), body);
    }
}
