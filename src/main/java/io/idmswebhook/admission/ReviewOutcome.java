package io.idmswebhook.admission;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.model.MirrorSetKind;

/**
 * One answered request as metrics and the decision log see it: who asked what, what was decided,
 * how long it took. Never the object itself; its findings are in {@code decision}.
 *
 * @param webhook       the endpoint
 * @param result        allowed, denied, or error (not a review, or the webhook failed)
 * @param uid           {@code request.uid}; null when the body was not a review
 * @param requestedKind {@code request.kind.kind} as sent; null when the body was not a review
 * @param kind          the kind when this webhook handles it (group, kind and version), else null
 * @param operation     {@code request.operation}; null when the body was not a review
 * @param name          {@code request.name}, else the object's {@code metadata.name}; may be null
 * @param user          {@code request.userInfo.username}; may be null
 * @param dryRun        {@code request.dryRun}
 * @param decision      what the rules found; null for errors
 * @param reason        why a request is an error; null otherwise
 * @param nanos         from the body in hand to the answer's bytes
 */
public record ReviewOutcome(Webhook webhook, Result result, String uid, String requestedKind, MirrorSetKind kind,
                            String operation, String name, String user, boolean dryRun, Decision decision,
                            String reason, long nanos) {

    public enum Result {
        ALLOWED("allowed"),
        DENIED("denied"),
        ERROR("error");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
