package io.idmswebhook.admission;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponse;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.idmswebhook.core.engine.Decision;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every AdmissionReview this service answers is built here, so that the fields the API server
 * insists on ({@code apiVersion}, {@code kind}, {@code response.uid}) cannot be forgotten on one
 * path. Small constructors in the manner of controller-runtime: allowed, denied, with warnings.
 */
public final class AdmissionResponses {

    public static final String API_VERSION = "admission.k8s.io/v1";
    public static final String KIND = "AdmissionReview";
    /** The code the API server shows for a webhook denial ("admission webhook ... denied the request"). */
    public static final int DENIED_CODE = 403;
    /** The only patch type admission.k8s.io/v1 defines. */
    public static final String PATCH_TYPE = "JSONPatch";

    private AdmissionResponses() {
    }

    public static AdmissionReview allowed(String uid) {
        return review(uid, true, null, List.of());
    }

    public static AdmissionReview denied(String uid, String message) {
        Status status = new StatusBuilder().withCode(DENIED_CODE).withMessage(message).build();
        return review(uid, false, status, List.of());
    }

    /** The same answer with warnings added; an empty list leaves {@code warnings} out. */
    public static AdmissionReview withWarnings(AdmissionReview review, List<String> warnings) {
        if (!warnings.isEmpty()) {
            review.getResponse().setWarnings(List.copyOf(warnings));
        }
        return review;
    }

    /**
     * Allowed with an RFC 6902 patch. The API server wants the patch JSON base64-encoded with
     * {@code patchType: JSONPatch}; without a patch, use {@link #allowed} so no patch field is sent.
     */
    public static AdmissionReview patched(String uid, byte[] jsonPatch, List<String> warnings) {
        AdmissionReview review = allowed(uid);
        review.getResponse().setPatchType(PATCH_TYPE);
        review.getResponse().setPatch(Base64.getEncoder().encodeToString(jsonPatch));
        return withWarnings(review, warnings);
    }

    /**
     * Audit annotation keys. The API server prefixes each with the webhook's name from the
     * webhook configuration ({@code validate.idmswebhook.io/rules}) and accepts the result only
     * when it is one qualified name, so these must be bare names: a key that already has a
     * {@code /} prefix makes two, and the API server drops the annotation with a warning in its log.
     */
    public static final String AUDIT_RULES = "rules";
    public static final String AUDIT_DECISION = "decision";

    /**
     * Records in the API server's audit log which rules fired and what they decided, so an audit
     * trail shows why a write was denied or warned. Nothing is added when no rule fired: the
     * common allowed answer stays as small as it was.
     */
    public static AdmissionReview withAuditAnnotations(AdmissionReview review, Decision decision) {
        String rules = decision.ruleIdList();
        if (rules.isEmpty()) {
            return review;
        }
        Map<String, String> annotations = new LinkedHashMap<>(4);
        annotations.put(AUDIT_RULES, rules);
        annotations.put(AUDIT_DECISION, decision.allowed() ? "allowed" : "denied");
        review.getResponse().setAuditAnnotations(annotations);
        return review;
    }

    /** The engine's decision as the API server reads it. */
    public static AdmissionReview of(String uid, Decision decision) {
        AdmissionReview review = decision.allowed() ? allowed(uid) : denied(uid, decision.statusMessage());
        return withWarnings(review, decision.warningMessages());
    }

    private static AdmissionReview review(String uid, boolean allowed, Status status, List<String> warnings) {
        AdmissionResponse response = new AdmissionResponse();
        response.setUid(uid);
        response.setAllowed(allowed);
        response.setStatus(status);
        response.setWarnings(warnings.isEmpty() ? null : warnings);
        AdmissionReview review = new AdmissionReview();
        review.setApiVersion(API_VERSION);
        review.setKind(KIND);
        review.setResponse(response);
        return review;
    }
}
