package io.idmswebhook.admission;

import io.idmswebhook.core.engine.RequestTarget;

/**
 * One of the two webhooks, {@link ValidatingWebhook} and {@link MutatingWebhook}: what it answers
 * for an object a review asks to have judged. Reading the review, what the request is
 * ({@link RequestTarget}), writing the answer and reporting it are the {@link ReviewPipeline}'s,
 * the same for both, so the two never call each other.
 */
public interface AdmissionWebhook {

    /** The label of this webhook in metrics and the decision log. */
    Webhook webhook();

    ReviewAnswer judge(ReviewRequest request, RequestTarget.Evaluate target);

    /** A DELETE, which no webhook denies. */
    ReviewAnswer judge(ReviewRequest request, RequestTarget.Removal target);
}
