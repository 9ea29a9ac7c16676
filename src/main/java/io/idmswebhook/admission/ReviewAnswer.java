package io.idmswebhook.admission;

import io.idmswebhook.core.engine.Decision;

/**
 * What a webhook answers to one review, before it is written as an AdmissionReview: the decision
 * (which the audit annotations, metrics and the decision log all read), the JSON patch on /mutate,
 * or the failure of the webhook itself. Built by name: {@link #of}, {@link #patched}, {@link #failed}.
 *
 * @param decision what judging the object decided; null only for a failure
 * @param patch    RFC 6902 patch JSON; null unless /mutate changed the object
 * @param failure  why the webhook could not judge the object; null otherwise
 */
public record ReviewAnswer(Decision decision, byte[] patch, Failure failure) {

    /**
     * The webhook failed (a bug): denied with HTTP status code 500 inside the review, never an
     * allow and never a bare "internal error" from the API server.
     *
     * @param reason  for metrics and the decision log
     * @param message {@code status.message}: what happened and where to look
     */
    public record Failure(String reason, String message) {
    }

    public static ReviewAnswer of(Decision decision) {
        return new ReviewAnswer(decision, null, null);
    }

    /** Allowed with a patch; {@code changes} names each change as a warning. */
    public static ReviewAnswer patched(Decision changes, byte[] jsonPatch) {
        return new ReviewAnswer(changes, jsonPatch, null);
    }

    public static ReviewAnswer failed(String reason, String message) {
        return new ReviewAnswer(null, null, new Failure(reason, message));
    }
}
