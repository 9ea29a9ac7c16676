package io.idmswebhook.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionRequest;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Quote;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.json.MirrorSetTranslator;
import io.idmswebhook.json.ShapeException;
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
    private final AnswerWriter answers;
    private final Evaluator validator;
    private final ClusterView cluster;
    private final ReviewObserver observer;

    /**
     * The engine as the handler sees it: {@link MirrorSetValidator#validate} in the service, a
     * failing one in the tests that prove a bug in it never escapes as an exception.
     */
    @FunctionalInterface
    public interface Evaluator {
        Decision validate(MirrorSet object, MirrorSet oldObjectOrNull, ClusterView cluster);
    }

    public AdmissionHandler(ObjectMapper mapper, Evaluator validator, ClusterView cluster) {
        this(mapper, validator, cluster, ReviewObserver.NONE);
    }

    public AdmissionHandler(ObjectMapper mapper, Evaluator validator, ClusterView cluster, ReviewObserver observer) {
        this.mapper = mapper;
        // Trailing bytes after the review ("{...}{...}") would be a second document the API
        // server never sent; the check only makes sense on the whole body, not on subtrees.
        this.bodyReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.answers = new AnswerWriter(mapper.getFactory());
        this.validator = validator;
        this.cluster = cluster;
        this.observer = observer;
    }

    public AdmissionAnswer validate(byte[] body) {
        return answer(Webhook.VALIDATE, body, this::decide, observer);
    }

    /** An answer and the decision it carries, so metrics, logs and audit annotations read one source. */
    record Judged(Decision decision, AdmissionReview review) {

        static Judged of(String uid, Decision decision) {
            return new Judged(decision, AdmissionResponses.of(uid, decision));
        }
    }

    /**
     * Reads the review and answers it with {@code decider}: the part /validate and /mutate share,
     * so both give the same 400 for a body that is not a review, echo the uid, annotate the audit
     * record and report to the observers the same way.
     */
    AdmissionAnswer answer(Webhook webhook, byte[] body, Function<ParsedReview, Judged> decider) {
        return answer(webhook, body, decider, observer);
    }

    private AdmissionAnswer answer(Webhook webhook, byte[] body, Function<ParsedReview, Judged> decider,
                                   ReviewObserver observer) {
        long start = System.nanoTime();
        ParsedReview parsed;
        try {
            parsed = parse(body);
        } catch (NotAReviewException e) {
            AdmissionAnswer answer = badRequest(e.getMessage());
            report(observer, new ReviewOutcome(webhook, ReviewOutcome.Result.ERROR, null, null, null, null, null, null,
                    false, null, e.getMessage(), System.nanoTime() - start));
            return answer;
        }
        AdmissionRequest r = parsed.request();
        Decision decision;
        AdmissionReview answer;
        String failure = null;
        try {
            Judged judged = decider.apply(parsed);
            decision = judged.decision();
            answer = AdmissionResponses.withAuditAnnotations(judged.review(), decision);
        } catch (RuntimeException e) {
            // A bug must not become a 500 (the API server would show a bare "internal error") nor
            // an allow: deny with a message that says what happened and where to look.
            LOG.errorf(e, "evaluating review %s failed", r.getUid());
            decision = null;
            failure = "evaluation failed: " + e.getClass().getName();
            answer = AdmissionResponses.denied(r.getUid(),
                    "the webhook failed to evaluate this object (" + e.getClass().getSimpleName()
                            + "); this is a bug in idms-webhook, its log names review " + r.getUid());
            answer.getResponse().getStatus().setCode(500);
        }
        byte[] bytes = answers.write(answer);
        ReviewOutcome.Result result = decision == null ? ReviewOutcome.Result.ERROR
                : decision.allowed() ? ReviewOutcome.Result.ALLOWED : ReviewOutcome.Result.DENIED;
        report(observer, new ReviewOutcome(webhook, result, r.getUid(), r.getKind().getKind(), known(r.getKind()).orElse(null),
                r.getOperation(), name(r, parsed.object()), r.getUserInfo() == null ? null : r.getUserInfo().getUsername(),
                Boolean.TRUE.equals(r.getDryRun()), decision, failure, System.nanoTime() - start));
        return new AdmissionAnswer(200, bytes);
    }

    /** Counting and logging must never cost the API server its answer. */
    private static void report(ReviewObserver observer, ReviewOutcome outcome) {
        try {
            observer.answered(outcome);
        } catch (RuntimeException e) {
            LOG.warnf(e, "recording review %s failed; the answer was sent", outcome.uid());
        }
    }

    private static String name(AdmissionRequest r, JsonNode object) {
        if (r.getName() != null && !r.getName().isEmpty()) {
            return r.getName();
        }
        // CREATE with generateName: the API server has not named the object yet.
        return object == null ? null : object.path("metadata").path("name").asText(null);
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
            byte[] body = review.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (answer(Webhook.VALIDATE, body, this::decide, ReviewObserver.NONE).httpStatus() != 200) {
                failed++;
            }
        }
        return failed;
    }

    /** The request with its object and old object kept as JSON, for the reader to type by kind. */
    record ParsedReview(AdmissionRequest request, JsonNode object, JsonNode oldObject) {
    }

    ParsedReview parse(byte[] body) throws NotAReviewException {
        int bad = Utf8.firstInvalid(body);
        if (bad >= 0) {
            // Jackson decodes some invalid forms (an overlong "/" becomes "/"), where the API server
            // would see a replacement character: the two would judge different strings.
            throw new NotAReviewException("the body is not valid UTF-8 at byte " + bad
                    + "; send the AdmissionReview as UTF-8 JSON");
        }
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
            throw new NotAReviewException("the body is " + MirrorSetTranslator.describe(root)
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
        // The reader refuses a field of the wrong type with its path (a uid that is not a string too).
        AdmissionRequest r = AdmissionRequestReader.read(request);
        if (r.getUid() == null || r.getUid().isEmpty()) {
            throw new NotAReviewException("request.uid is missing; the API server sets it and expects it back");
        }
        if (r.getOperation() == null || r.getOperation().isEmpty()) {
            throw new NotAReviewException("request.operation is missing; expected CREATE, UPDATE, DELETE or CONNECT");
        }
        if (r.getKind() == null || r.getKind().getKind() == null || r.getKind().getVersion() == null) {
            throw new NotAReviewException("request.kind is missing or has no kind and version");
        }
        // The objects are typed later by the kind the request names; reading them here through the
        // generic model would lose the field path of a shape error.
        return new ParsedReview(r, present(request.get("object")), present(request.get("oldObject")));
    }

    /**
     * What a review asks to have judged: the object (and on UPDATE its readable old version) of a
     * kind this webhook handles, or else the decision already settled without judging anything
     * (DELETE/CONNECT allowed, an unknown kind allowed with X1, an unreadable object denied with X4).
     */
    record Target(Decision settled, MirrorSet object, MirrorSet old) {
    }

    Target target(ParsedReview parsed) {
        AdmissionRequest r = parsed.request();
        switch (r.getOperation()) {
            case "CREATE", "UPDATE" -> {
                // evaluated below
            }
            case "DELETE", "CONNECT" -> {
                // Removing mirror configuration cannot make a node's registries.conf invalid.
                return settled(Decision.allow());
            }
            default -> {
                return settled(Decision.deny(Finding.deny(RuleId.X4, "request.operation", r.getOperation(),
                        "operation " + quoted(r.getOperation()) + " is not CREATE, UPDATE, DELETE or CONNECT",
                        "send a review the API server would send")));
            }
        }
        GroupVersionKind gvk = r.getKind();
        Optional<MirrorSetKind> known = known(gvk);
        if (known.isEmpty()) {
            return settled(unknownKind(gvk));
        }
        MirrorSetKind kind = known.get();
        if (parsed.object() == null) {
            return settled(Decision.deny(Finding.deny(RuleId.X4, "request.object", "",
                    "the " + r.getOperation() + " review carries no object to check",
                    "send the " + kind.kind() + " in request.object as the API server does")));
        }
        MirrorSet object;
        try {
            object = MirrorSetTranslator.read(kind, parsed.object(), r.getName());
        } catch (ShapeException e) {
            return settled(Decision.deny(e.finding()));
        }
        MirrorSet old = null;
        if ("UPDATE".equals(r.getOperation()) && parsed.oldObject() != null) {
            try {
                old = MirrorSetTranslator.read(kind, parsed.oldObject(), r.getName());
            } catch (ShapeException e) {
                // The stored object cannot be read, so none of its mistakes can excuse the new one:
                // judge the update as if it were a create.
                old = null;
            }
        }
        return new Target(null, object, old);
    }

    Judged decide(ParsedReview parsed) {
        Target target = target(parsed);
        Decision decision = target.settled() != null ? target.settled()
                : validator.validate(target.object(), target.old(), cluster);
        return Judged.of(parsed.request().getUid(), decision);
    }

    /** The kind when this webhook handles it: group, kind and version must all match. */
    static Optional<MirrorSetKind> known(GroupVersionKind gvk) {
        return MirrorSetKind.of(gvk.getGroup() == null ? "" : gvk.getGroup(), gvk.getKind())
                .filter(k -> k.version().equals(gvk.getVersion()));
    }

    private static Target settled(Decision decision) {
        return new Target(decision, null, null);
    }

    private static Decision unknownKind(GroupVersionKind gvk) {
        String group = gvk.getGroup() == null || gvk.getGroup().isEmpty() ? "" : gvk.getGroup() + "/";
        // Quoted as one value: a kind or version with a line break in it must not forge a second warning.
        String quoted = Quote.of(gvk.getKind() + " " + group + gvk.getVersion());
        String named = quoted.substring(1, quoted.length() - 1);
        Finding x1 = Finding.warn(RuleId.X1, "request.kind", named,
                named + " is not a kind this webhook checks; allowed unchecked",
                "match only config.openshift.io/v1 IDMS/ITMS and operator.openshift.io/v1alpha1 ICSP in the webhook configuration");
        return new Decision(List.of(), List.of(x1), Map.of());
    }


    private AdmissionAnswer badRequest(String reason) {
        return failure(400, "BadRequest", reason);
    }

    /**
     * A request refused before its body is read (wrong method, wrong Content-Type, a body over the
     * limit): answered in the same JSON shape as a 400, and counted and logged as an error like one,
     * so every request to the endpoint shows in the metrics and the decision log.
     */
    public AdmissionAnswer refused(Webhook webhook, int code, String reason, String message) {
        AdmissionAnswer answer = failure(code, reason, message);
        report(observer, new ReviewOutcome(webhook, ReviewOutcome.Result.ERROR, null, null, null, null, null, null,
                false, null, message, 0));
        return answer;
    }

    private AdmissionAnswer failure(int code, String reason, String message) {
        Status status = new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason)
                .withMessage(message).build();
        return new AdmissionAnswer(code, answers.write(status));
    }

    /** Serialises a JSON tree with the one configured mapper: /mutate's patch. */
    byte[] write(JsonNode value) {
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
        return s == null ? "(none)" : Quote.of(s);
    }

    /** The body is not something the API server would send: HTTP 400. */
    static final class NotAReviewException extends Exception {
        NotAReviewException(String reason) {
            super(reason, null, false, false);
        }
    }
}
