package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written answers are, as JSON, exactly what Jackson's bean serializer writes for
 * fabric8's model of the same answer: the model is the reference for the wire shape, built here
 * field by field from what the API documents.
 */
class AnswerWriterTest {

    private static final ObjectMapper MAPPER = AdmissionJson.newMapper();
    private static final AnswerWriter WRITER = new AnswerWriter(MAPPER.getFactory());

    private static AdmissionReview review(String uid, boolean allowed) {
        AdmissionResponse response = new AdmissionResponse();
        response.setUid(uid);
        response.setAllowed(allowed);
        AdmissionReview review = new AdmissionReview();
        review.setApiVersion("admission.k8s.io/v1");
        review.setKind("AdmissionReview");
        review.setResponse(response);
        return review;
    }

    private static Map<String, String> audit(String rules, String decision) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("rules", rules);
        annotations.put("decision", decision);
        return annotations;
    }

    static Stream<Arguments> answers() {
        Finding p8 = Finding.warn(RuleId.P8, "spec.x", "q", "\"quoted\" \\ and \u2028", "fix");
        Finding d1 = Finding.warn(RuleId.D1, "spec.y", "y", "trimmed", null);
        Finding s3 = Finding.deny(RuleId.S3, "spec.imageDigestMirrors[0].mirrors[0]", "a b", "\"a b\" has a space", "remove it");

        AdmissionReview warned = review("u-2", true);
        warned.getResponse().setWarnings(List.of(p8.message(), d1.message()));
        warned.getResponse().setAuditAnnotations(audit("P8,D1", "allowed"));

        AdmissionReview denied = review("u-3", false);
        denied.getResponse().setStatus(new StatusBuilder().withCode(403).withMessage(s3.message()).build());
        denied.getResponse().setAuditAnnotations(audit("S3", "denied"));

        byte[] patch = "[{\"op\":\"remove\",\"path\":\"/spec/x\"}]".getBytes(StandardCharsets.UTF_8);
        AdmissionReview patched = review("u-4", true);
        patched.getResponse().setPatchType("JSONPatch");
        patched.getResponse().setPatch(Base64.getEncoder().encodeToString(patch));
        patched.getResponse().setWarnings(List.of(d1.message()));
        patched.getResponse().setAuditAnnotations(audit("D1", "allowed"));

        AdmissionReview failed = review("u-5", false);
        failed.getResponse().setStatus(new StatusBuilder().withCode(500).withMessage("evaluation failed").build());

        return Stream.of(
                Arguments.of("u-1", ReviewAnswer.of(Decision.allow()), review("u-1", true)),
                Arguments.of("u-2", ReviewAnswer.of(new Decision(List.of(), List.of(p8, d1), Map.of())), warned),
                Arguments.of("u-3", ReviewAnswer.of(Decision.deny(s3)), denied),
                Arguments.of("u-4", ReviewAnswer.patched(new Decision(List.of(), List.of(d1), Map.of()), patch), patched),
                Arguments.of("u-5", ReviewAnswer.failed("evaluation failed: x", "evaluation failed"), failed));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void anAnswerIsWrittenAsTheBeanSerializerWouldWriteIt(String uid, ReviewAnswer answer, AdmissionReview expected)
            throws Exception {
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsBytes(expected)), MAPPER.readTree(WRITER.write(uid, answer)));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void aRefusalIsWrittenAsTheBeanSerializerWouldWriteIt(Status status) throws Exception {
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsBytes(status)),
                MAPPER.readTree(WRITER.writeStatus(status.getCode(), status.getReason(), status.getMessage())));
    }

    static Stream<Status> statuses() {
        return Stream.of(
                new StatusBuilder().withStatus("Failure").withCode(400).withReason("BadRequest").withMessage("not JSON").build(),
                new StatusBuilder().withStatus("Failure").withCode(415).withReason("UnsupportedMediaType")
                        .withMessage("the body must be sent as Content-Type: application/json").build());
    }
}
