package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.idmswebhook.core.engine.ClusterView;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns the bytes of one admission request into the bytes of its answer, without touching the
 * network and without blocking, so the endpoint can run it on the event loop and /mutate can
 * share the reading. A body that is not an AdmissionReview gets 400 with a reason; a review that
 * parses always gets 200 with its uid, whatever is wrong inside it.
 */
public class AdmissionHandler {

    private static final Logger LOG = Logger.getLogger(AdmissionHandler.class);

    private final ObjectMapper mapper;
    private final ObjectReader reviewReader;
    private final MirrorSetReader reader;
    private final MirrorSetValidator validator;
    private final ClusterView cluster;

    public AdmissionHandler(ObjectMapper mapper, MirrorSetValidator validator, ClusterView cluster) {
        this.mapper = mapper;
        this.reviewReader = AdmissionJson.treeReader(mapper, AdmissionReview.class);
        this.reader = new MirrorSetReader(mapper);
        this.validator = validator;
        this.cluster = cluster;
    }

    public AdmissionAnswer validate(byte[] body) {
        ParsedReview parsed;
        try {
            parsed = parse(body);
        } catch (NotAReviewException e) {
            return badRequest(e.getMessage());
        }
        AdmissionReview answer;
        try {
            answer = decide(parsed);
        } catch (RuntimeException e) {
            // A bug must not become a 500 (the API server would show a bare "internal error") nor
            // an allow: deny with a message that says what happened and where to look.
            LOG.errorf(e, "evaluating review %s failed", parsed.request().getUid());
            answer = AdmissionResponses.denied(parsed.request().getUid(),
                    "the webhook failed to evaluate this object (" + e.getClass().getSimpleName()
                            + "); this is a bug in idms-webhook, its log names review " + parsed.request().getUid());
            answer.getResponse().getStatus().setCode(500);
        }
        return new AdmissionAnswer(200, write(answer));
    }

    /** The request with its object and old object kept as JSON, for the reader to type by kind. */
    record ParsedReview(AdmissionRequest request, JsonNode object, JsonNode oldObject) {
    }

    ParsedReview parse(byte[] body) throws NotAReviewException {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new NotAReviewException("the body exceeds a JSON limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new NotAReviewException("the body is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw new NotAReviewException("the body could not be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new NotAReviewException("the body is empty; send an admission.k8s.io/v1 AdmissionReview");
        }
        if (!root.isObject()) {
            throw new NotAReviewException("the body is " + MirrorSetReader.describe(root)
                    + ", not an admission.k8s.io/v1 AdmissionReview object");
        }
        String apiVersion = root.path("apiVersion").asText(null);
        String kind = root.path("kind").asText(null);
        if (!AdmissionResponses.API_VERSION.equals(apiVersion) || !AdmissionResponses.KIND.equals(kind)) {
            throw new NotAReviewException("apiVersion " + quoted(apiVersion) + " kind " + quoted(kind)
                    + " is not an admission.k8s.io/v1 AdmissionReview; set admissionReviewVersions: [v1] in the webhook configuration");
        }
        JsonNode request = root.get("request");
        if (request == null || !request.isObject()) {
            throw new NotAReviewException("the AdmissionReview has no request object");
        }
        JsonNode uid = request.get("uid");
        if (uid == null || !uid.isTextual() || uid.textValue().isEmpty()) {
            throw new NotAReviewException("request.uid is missing or not a string; the API server sets it and expects it back");
        }
        // The objects are typed later by the kind the request names; reading them here through the
        // generic model would lose the field path of a shape error.
        JsonNode object = ((ObjectNode) request).remove("object");
        JsonNode oldObject = ((ObjectNode) request).remove("oldObject");
        AdmissionReview review;
        try {
            review = reviewReader.readValue(root);
        } catch (JsonMappingException e) {
            throw new NotAReviewException(MirrorSetReader.path(e.getPath()) + ": " + e.getOriginalMessage()
                    + "; this is not an admission.k8s.io/v1 AdmissionReview");
        } catch (IOException | IllegalArgumentException e) {
            throw new NotAReviewException("the body is not an admission.k8s.io/v1 AdmissionReview: " + e.getMessage());
        }
        AdmissionRequest r = review.getRequest();
        if (r.getOperation() == null || r.getOperation().isEmpty()) {
            throw new NotAReviewException("request.operation is missing; expected CREATE, UPDATE, DELETE or CONNECT");
        }
        if (r.getKind() == null || r.getKind().getKind() == null || r.getKind().getVersion() == null) {
            throw new NotAReviewException("request.kind is missing or has no kind and version");
        }
        return new ParsedReview(r, present(object), present(oldObject));
    }

    AdmissionReview decide(ParsedReview parsed) {
        AdmissionRequest r = parsed.request();
        String uid = r.getUid();
        switch (r.getOperation()) {
            case "CREATE", "UPDATE" -> {
                // evaluated below
            }
            case "DELETE", "CONNECT" -> {
                // Removing mirror configuration cannot make a node's registries.conf invalid.
                return AdmissionResponses.allowed(uid);
            }
            default -> {
                return deny(uid, Finding.deny(RuleId.X4, "request.operation", r.getOperation(),
                        "operation " + quoted(r.getOperation()) + " is not CREATE, UPDATE, DELETE or CONNECT",
                        "send a review the API server would send"));
            }
        }
        GroupVersionKind gvk = r.getKind();
        Optional<MirrorSetKind> known = MirrorSetKind.of(gvk.getGroup() == null ? "" : gvk.getGroup(), gvk.getKind())
                .filter(k -> k.version().equals(gvk.getVersion()));
        if (known.isEmpty()) {
            return unknownKind(uid, gvk);
        }
        MirrorSetKind kind = known.get();
        if (parsed.object() == null) {
            return deny(uid, Finding.deny(RuleId.X4, "request.object", "",
                    "the " + r.getOperation() + " review carries no object to check",
                    "send the " + kind.kind() + " in request.object as the API server does"));
        }
        MirrorSet object;
        try {
            object = reader.read(kind, parsed.object(), r.getName());
        } catch (ShapeException e) {
            return deny(uid, e.finding());
        }
        MirrorSet old = null;
        if ("UPDATE".equals(r.getOperation()) && parsed.oldObject() != null) {
            try {
                old = reader.read(kind, parsed.oldObject(), r.getName());
            } catch (ShapeException e) {
                // The stored object cannot be read, so none of its mistakes can excuse the new one:
                // judge the update as if it were a create.
                old = null;
            }
        }
        return AdmissionResponses.of(uid, validator.validate(object, old, cluster));
    }

    private static AdmissionReview unknownKind(String uid, GroupVersionKind gvk) {
        String group = gvk.getGroup() == null || gvk.getGroup().isEmpty() ? "" : gvk.getGroup() + "/";
        String named = gvk.getKind() + " " + group + gvk.getVersion();
        Finding x1 = Finding.warn(RuleId.X1, "request.kind", named,
                named + " is not a kind this webhook checks; allowed unchecked",
                "match only config.openshift.io/v1 IDMS/ITMS and operator.openshift.io/v1alpha1 ICSP in the webhook configuration");
        return AdmissionResponses.of(uid, new Decision(List.of(), List.of(x1), Map.of()));
    }

    private static AdmissionReview deny(String uid, Finding finding) {
        return AdmissionResponses.of(uid, new Decision(List.of(finding), List.of(), Map.of()));
    }

    private AdmissionAnswer badRequest(String reason) {
        Status status = new StatusBuilder().withStatus("Failure").withCode(400).withReason("BadRequest")
                .withMessage(reason).build();
        return new AdmissionAnswer(400, write(status));
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Our own models always serialise; failing here means a broken build, not bad input.
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : '"' + s + '"';
    }

    /** The body is not something the API server would send: HTTP 400. */
    static final class NotAReviewException extends Exception {
        NotAReviewException(String reason) {
            super(reason, null, false, false);
        }
    }
}
