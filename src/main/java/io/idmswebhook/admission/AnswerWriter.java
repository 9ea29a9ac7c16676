package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Writes the answers this service builds (fabric8's {@link AdmissionReview} and {@link Status})
 * as JSON, field by field through one generator.
 *
 * <p>Why not {@code ObjectMapper.writeValueAsBytes}: Jackson's bean serializer reads the model's
 * getters by reflection on every answer, about 5 % of a typical review's CPU (bench/README.md),
 * and issue 8 asks for no reflection per request. The answer has a handful of fields fixed by
 * admission.k8s.io/v1; {@link AdmissionResponses} is the one place that fills them, and the
 * golden tests compare every written answer with what the API server must receive. Fields left
 * null are left out, as the model's {@code NON_NULL} inclusion does.
 */
final class AnswerWriter {

    private final JsonFactory factory;

    AnswerWriter(JsonFactory factory) {
        this.factory = factory;
    }

    byte[] write(AdmissionReview review) {
        return write(g -> {
            g.writeStartObject();
            field(g, "apiVersion", review.getApiVersion());
            field(g, "kind", review.getKind());
            AdmissionResponse r = review.getResponse();
            if (r != null) {
                g.writeObjectFieldStart("response");
                field(g, "uid", r.getUid());
                if (r.getAllowed() != null) {
                    g.writeBooleanField("allowed", r.getAllowed());
                }
                if (r.getStatus() != null) {
                    g.writeFieldName("status");
                    status(g, r.getStatus());
                }
                field(g, "patchType", r.getPatchType());
                field(g, "patch", r.getPatch());
                strings(g, "warnings", r.getWarnings());
                map(g, "auditAnnotations", r.getAuditAnnotations());
                g.writeEndObject();
            }
            g.writeEndObject();
        });
    }

    byte[] write(Status status) {
        return write(g -> status(g, status));
    }

    /** The fields of a Status this service sets: code, status, reason, message. */
    private static void status(JsonGenerator g, Status s) throws IOException {
        g.writeStartObject();
        field(g, "apiVersion", s.getApiVersion());
        field(g, "kind", s.getKind());
        if (s.getCode() != null) {
            g.writeNumberField("code", s.getCode());
        }
        field(g, "status", s.getStatus());
        field(g, "reason", s.getReason());
        field(g, "message", s.getMessage());
        g.writeEndObject();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            g.writeArrayFieldStart(name);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    private static void map(JsonGenerator g, String name, Map<String, String> values) throws IOException {
        if (values != null && !values.isEmpty()) {
            g.writeObjectFieldStart(name);
            for (Map.Entry<String, String> e : values.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
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
