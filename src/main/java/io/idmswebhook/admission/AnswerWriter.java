package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.idmswebhook.core.engine.Decision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link ReviewAnswer} as the admission.k8s.io/v1 AdmissionReview the API server reads,
 * and a refusal as a {@code v1 Status}, field by field through one generator. This is the one
 * place that sets the fields the API server insists on ({@code apiVersion}, {@code kind},
 * {@code response.uid}), so no path can forget one.
 *
 * <p>Why not fabric8's models and {@code ObjectMapper.writeValueAsBytes}: Jackson's bean
 * serializer reads the model's getters by reflection on every answer, a measurable share of a
 * typical review's CPU (bench/README.md), for a handful of fields fixed by the API. The tests
 * compare what is written here with what the bean serializer writes for the same fabric8 model,
 * and the golden tests with what the API server must receive.
 */
final class AnswerWriter {

    /** The code the API server shows for a webhook denial ("admission webhook ... denied the request"). */
    static final int DENIED_CODE = 403;
    /** A bug in the webhook, said inside a 200 answer so the API server shows its message. */
    static final int FAILED_CODE = 500;
    /** The only patch type admission.k8s.io/v1 defines. */
    static final String PATCH_TYPE = "JSONPatch";
    /**
     * Audit annotation keys. The API server prefixes each with the webhook's name from the
     * webhook configuration ({@code validate.idmswebhook.io/rules}) and accepts the result only
     * when it is one qualified name, so these must be bare names: a key that already has a
     * {@code /} prefix makes two, and the API server drops the annotation with a warning in its log.
     */
    static final String AUDIT_RULES = "rules";
    static final String AUDIT_DECISION = "decision";

    private final JsonFactory factory;

    AnswerWriter(JsonFactory factory) {
        this.factory = factory;
    }

    /** The AdmissionReview answering review {@code uid}. */
    byte[] write(String uid, ReviewAnswer answer) {
        Decision decision = answer.decision();
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("apiVersion", ReviewReader.API_VERSION);
            g.writeStringField("kind", ReviewReader.KIND);
            g.writeObjectFieldStart("response");
            g.writeStringField("uid", uid);
            if (answer.failure() != null) {
                g.writeBooleanField("allowed", false);
                g.writeFieldName("status");
                status(g, FAILED_CODE, null, null, answer.failure().message());
                g.writeEndObject();
                g.writeEndObject();
                return;
            }
            g.writeBooleanField("allowed", decision.allowed());
            if (!decision.allowed()) {
                g.writeFieldName("status");
                status(g, DENIED_CODE, null, null, decision.statusMessage());
            }
            if (answer.patch() != null) {
                g.writeStringField("patchType", PATCH_TYPE);
                // admission.k8s.io/v1 carries the patch JSON base64-encoded.
                g.writeStringField("patch", Base64.getEncoder().encodeToString(answer.patch()));
            }
            strings(g, "warnings", decision.warningMessages());
            auditAnnotations(g, decision);
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** A refusal of a request that is not a review: {@code status: Failure} with a reason and message. */
    byte[] writeStatus(int code, String reason, String message) {
        return write(g -> status(g, code, "Failure", reason, message));
    }

    /** The fields of a Status this service sets: code, status, reason, message. */
    private static void status(JsonGenerator g, int code, String status, String reason, String message)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("apiVersion", "v1");
        g.writeStringField("kind", "Status");
        g.writeNumberField("code", code);
        field(g, "status", status);
        field(g, "reason", reason);
        field(g, "message", message);
        g.writeEndObject();
    }

    /**
     * Records in the API server's audit log which rules fired and what they decided, so an audit
     * trail shows why a write was denied or warned. Nothing is added when no rule fired: the
     * common allowed answer stays as small as it can be.
     */
    private static void auditAnnotations(JsonGenerator g, Decision decision) throws IOException {
        String rules = decision.ruleIdList();
        if (rules.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart("auditAnnotations");
        g.writeStringField(AUDIT_RULES, rules);
        g.writeStringField(AUDIT_DECISION, decision.allowed() ? "allowed" : "denied");
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private byte[] write(Body body) {
        try (ByteArrayBuilder bytes = new ByteArrayBuilder(512);
             JsonGenerator g = factory.createGenerator(bytes)) {
            body.write(g);
            g.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            // Writing to memory does not fail; this would be a broken build, not bad input.
            throw new UncheckedIOException("cannot write the answer", e);
        }
    }
}
