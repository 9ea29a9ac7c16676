package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written answers are, as JSON, exactly what Jackson's bean serializer writes for the same model. */
class AnswerWriterTest {

    private static final ObjectMapper MAPPER = AdmissionJson.newMapper();
    private static final AnswerWriter WRITER = new AnswerWriter(MAPPER.getFactory());

    static Stream<AdmissionReview> reviews() {
        AdmissionReview warned = AdmissionResponses.withWarnings(AdmissionResponses.allowed("u-2"),
                List.of("spec.x: \"quoted\" \\ and \u2028 [P8]", "second"));
        warned.getResponse().setAuditAnnotations(Map.of("rules", "P8", "decision", "allowed"));
        AdmissionReview failed = AdmissionResponses.denied("u-5", "evaluation failed");
        failed.getResponse().getStatus().setCode(500);
        return Stream.of(
                AdmissionResponses.allowed("u-1"),
                warned,
                AdmissionResponses.denied("u-3", "spec.imageDigestMirrors[0].mirrors[0]: \"a b\" has a space [S3]"),
                AdmissionResponses.patched("u-4", "[{\"op\":\"remove\",\"path\":\"/spec/x\"}]".getBytes(StandardCharsets.UTF_8),
                        List.of("D1")),
                failed);
    }

    @ParameterizedTest
    @MethodSource("reviews")
    void anAnswerIsWrittenAsTheBeanSerializerWouldWriteIt(AdmissionReview review) throws Exception {
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsBytes(review)), MAPPER.readTree(WRITER.write(review)));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void aRefusalIsWrittenAsTheBeanSerializerWouldWriteIt(Status status) throws Exception {
        assertEquals(MAPPER.readTree(MAPPER.writeValueAsBytes(status)), MAPPER.readTree(WRITER.write(status)));
    }

    static Stream<Status> statuses() {
        return Stream.of(
                new StatusBuilder().withStatus("Failure").withCode(400).withReason("BadRequest").withMessage("not JSON").build(),
                new StatusBuilder().withStatus("Failure").withCode(415).withReason("UnsupportedMediaType")
                        .withMessage("the body must be sent as Content-Type: application/json").build());
    }
}
