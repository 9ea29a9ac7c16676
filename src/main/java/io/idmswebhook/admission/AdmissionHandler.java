package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
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
import io.idmswebhook.model.MirrorSetTrees;
import io.idmswebhook.model.ShapeException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
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
    private final ObjectReader bodyReader;
    private final Evaluator validator;
    private final ClusterView cluster;

    /**
     * The engine as the handler sees it: {@link MirrorSetValidator#validate} in the service, a
     * failing one in the tests that prove a bug in it never escapes as an exception.
     */
    @FunctionalInterface
    public interface Evaluator {
        Decision validate(MirrorSet object, MirrorSet oldObjectOrNull, ClusterView cluster);
    }

    public AdmissionHandler(ObjectMapper mapper, Evaluator validator, ClusterView cluster) {
        this.mapper = mapper;
        // Trailing bytes after the review ("{...}{...}") would be a second document the API
        // server never sent; the check only makes sense on the whole body, not on subtrees.
        this.bodyReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.validator = validator;
        this.cluster = cluster;
    }

    public AdmissionAnswer validate(byte[] body) {
        return answer(body, this::decide);
    }

    /**
     * Reads the review and answers it with {@code decider}: the part /validate and /mutate share,
     * so both give the same 400 for a body that is not a review and echo the uid the same way.
     */
    AdmissionAnswer answer(byte[] body, Function<ParsedReview, AdmissionReview> decider) {
        ParsedReview parsed;
        try {
            parsed = parse(body);
        } catch (NotAReviewException e) {
            return badRequest(e.getMessage());
        }
        AdmissionReview answer;
        try {
            answer = decider.apply(parsed);
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

    /**
     * Answers one made-up review per kind, so that the JSON readers and writers for the reviews and
     * all three kinds are built before the first real request. Built lazily, that costs seconds of
     * class loading and reflection on the event loop, the first time a cluster writes a mirror set.
     *
     * @return how many warm-up reviews were not answered with 200 (0 when all is well)
     */
    public int warmUp() {
        int failed = 0;
        for (MirrorSetKind kind : MirrorSetKind.values()) {
            String review = """
                    {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"warm-up",
                     "kind":{"group":"%1$s","version":"%2$s","kind":"%3$s"},
                     "resource":{"group":"%1$s","version":"%2$s","resource":"%4$s"},
                     "name":"warm-up","operation":"UPDATE","userInfo":{"username":"warm-up"},
                     "object":{"apiVersion":"%1$s/%2$s","kind":"%3$s","metadata":{"name":"warm-up"},
                               "spec":{"%5$s":[{"source":"quay.io/warm-up","mirrors":["mirror.example.net/warm-up"]}]}},
                     "oldObject":{"apiVersion":"%1$s/%2$s","kind":"%3$s","metadata":{"name":"warm-up"}},
                     "dryRun":false,"options":{"apiVersion":"meta.k8s.io/v1","kind":"UpdateOptions"}}}
                    """.formatted(kind.group(), kind.version(), kind.kind(), kind.resource(), kind.listField());
            if (validate(review.getBytes(java.nio.charset.StandardCharsets.UTF_8)).httpStatus() != 200) {
                failed++;
            }
        }
        return failed;
    }

    /** The request with its object and old object kept as JSON, for the reader to type by kind. */
    record ParsedReview(AdmissionRequest request, JsonNode object, JsonNode oldObject) {
    }

    ParsedReview parse(byte[] body) throws NotAReviewException {
        JsonNode root;
        try {
            root = bodyReader.readTree(body);
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
            throw new NotAReviewException("the body is " + MirrorSetTrees.describe(root)
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
            review = mapper.treeToValue(root, AdmissionReview.class);
        } catch (JsonMappingException e) {
            throw new NotAReviewException(path(e.getPath()) + ": " + e.getOriginalMessage()
                    + "; this is not an admission.k8s.io/v1 AdmissionReview");
        } catch (JsonProcessingException | IllegalArgumentException e) {
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

    /**
     * What a review asks to have judged: the object (and on UPDATE its readable old version) of a
     * kind this webhook handles, or else the answer already settled without judging anything
     * (DELETE/CONNECT allowed, an unknown kind allowed with X1, an unreadable object denied with X4).
     */
    record Target(AdmissionReview settled, MirrorSet object, MirrorSet old) {
    }

    Target target(ParsedReview parsed) {
        AdmissionRequest r = parsed.request();
        String uid = r.getUid();
        switch (r.getOperation()) {
            case "CREATE", "UPDATE" -> {
                // evaluated below
            }
            case "DELETE", "CONNECT" -> {
                // Removing mirror configuration cannot make a node's registries.conf invalid.
                return settled(AdmissionResponses.allowed(uid));
            }
            default -> {
                return settled(deny(uid, Finding.deny(RuleId.X4, "request.operation", r.getOperation(),
                        "operation " + quoted(r.getOperation()) + " is not CREATE, UPDATE, DELETE or CONNECT",
                        "send a review the API server would send")));
            }
        }
        GroupVersionKind gvk = r.getKind();
        Optional<MirrorSetKind> known = MirrorSetKind.of(gvk.getGroup() == null ? "" : gvk.getGroup(), gvk.getKind())
                .filter(k -> k.version().equals(gvk.getVersion()));
        if (known.isEmpty()) {
            return settled(unknownKind(uid, gvk));
        }
        MirrorSetKind kind = known.get();
        if (parsed.object() == null) {
            return settled(deny(uid, Finding.deny(RuleId.X4, "request.object", "",
                    "the " + r.getOperation() + " review carries no object to check",
                    "send the " + kind.kind() + " in request.object as the API server does")));
        }
        MirrorSet object;
        try {
            object = MirrorSetTrees.read(kind, parsed.object(), r.getName());
        } catch (ShapeException e) {
            return settled(deny(uid, e.finding()));
        }
        MirrorSet old = null;
        if ("UPDATE".equals(r.getOperation()) && parsed.oldObject() != null) {
            try {
                old = MirrorSetTrees.read(kind, parsed.oldObject(), r.getName());
            } catch (ShapeException e) {
                // The stored object cannot be read, so none of its mistakes can excuse the new one:
                // judge the update as if it were a create.
                old = null;
            }
        }
        return new Target(null, object, old);
    }

    AdmissionReview decide(ParsedReview parsed) {
        Target target = target(parsed);
        if (target.settled() != null) {
            return target.settled();
        }
        return AdmissionResponses.of(parsed.request().getUid(), validator.validate(target.object(), target.old(), cluster));
    }

    private static Target settled(AdmissionReview answer) {
        return new Target(answer, null, null);
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

    /** {@code request.kind.group}, from Jackson's reference chain. */
    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
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
