package io.idmswebhook.admission;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.model.MirrorSetKind;

/**
 * One answered request as metrics and the decision log see it: who asked what, what was decided,
 * how long it took. Never the object itself; its findings are in {@link #decision()}. Built by
 * name for each way a request ends: {@link #answered}, {@link #notAReview}, {@link #refused}.
 */
public final class ReviewOutcome {

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

    private final Webhook webhook;
    private final Result result;
    private final ReviewRequest request;
    private final MirrorSetKind kind;
    private final Decision decision;
    private final String reason;
    private final long nanos;

    private ReviewOutcome(Webhook webhook, Result result, ReviewRequest request, Decision decision, String reason,
                          long nanos) {
        this.webhook = webhook;
        this.result = result;
        this.request = request;
        this.kind = request == null ? null : request.kind().known().orElse(null);
        this.decision = decision;
        this.reason = reason;
        this.nanos = nanos;
    }

    /** A review that was read and answered with 200: allowed, denied, or the webhook's own failure. */
    public static ReviewOutcome answered(Webhook webhook, ReviewRequest request, ReviewAnswer answer, long nanos) {
        Decision decision = answer.decision();
        Result result = decision == null ? Result.ERROR : decision.allowed() ? Result.ALLOWED : Result.DENIED;
        return new ReviewOutcome(webhook, result, request, decision,
                answer.failure() == null ? null : answer.failure().reason(), nanos);
    }

    /** A body that is not an AdmissionReview (400). */
    public static ReviewOutcome notAReview(Webhook webhook, String reason, long nanos) {
        return new ReviewOutcome(webhook, Result.ERROR, null, null, reason, nanos);
    }

    /** A request refused before its body was read (405, 413, 415): no time was spent on it. */
    public static ReviewOutcome refused(Webhook webhook, String reason) {
        return new ReviewOutcome(webhook, Result.ERROR, null, null, reason, 0);
    }

    /** The endpoint. */
    public Webhook webhook() {
        return webhook;
    }

    /** Allowed, denied, or error (not a review, or the webhook failed). */
    public Result result() {
        return result;
    }

    /** {@code request.uid}; null when the body was not a review. */
    public String uid() {
        return request == null ? null : request.uid();
    }

    /** {@code request.kind.kind} as sent; null when the body was not a review. */
    public String requestedKind() {
        return request == null ? null : request.kind().kind();
    }

    /** The kind when this webhook handles it (group, kind and version), else null. */
    public MirrorSetKind kind() {
        return kind;
    }

    /** {@code request.operation}; null when the body was not a review. */
    public String operation() {
        return request == null ? null : request.operation();
    }

    /** {@code request.name}, else the object's {@code metadata.name}; may be null. */
    public String name() {
        return request == null ? null : request.objectName();
    }

    /** {@code request.userInfo.username}; may be null. */
    public String user() {
        return request == null ? null : request.user();
    }

    /** {@code request.dryRun}. */
    public boolean dryRun() {
        return request != null && request.dryRun();
    }

    /** What the rules found; null for errors. */
    public Decision decision() {
        return decision;
    }

    /** Why a request is an error; null otherwise. */
    public String reason() {
        return reason;
    }

    /** From the body in hand to the answer's bytes. */
    public long nanos() {
        return nanos;
    }
}
