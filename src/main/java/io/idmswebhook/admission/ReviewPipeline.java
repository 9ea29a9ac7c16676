package io.idmswebhook.admission;

import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.RequestTarget;
import org.jboss.logging.Logger;

/**
 * One review from the bytes of its body to the bytes of its answer, without touching the network
 * and without blocking, so the routes run it on the event loop. The same steps for both webhooks,
 * in this order:
 *
 * <ol>
 *   <li>{@link ReviewReader}: bytes to a {@link ReviewRequest}, or 400 with the reason;</li>
 *   <li>{@link RequestTarget}: what the request is, settled or an object to judge;</li>
 *   <li>{@link AdmissionWebhook#judge}: the webhook's {@link ReviewAnswer} for that object;</li>
 *   <li>{@link AnswerWriter}: the answer as an AdmissionReview, always 200 with the uid;</li>
 *   <li>{@link ReviewObserver}: one {@link ReviewOutcome} for metrics and the decision log.</li>
 * </ol>
 *
 * <p>Steps that change an answer by configuration (enforcement modes lowering denials to warnings)
 * go between judging and writing, on the {@link ReviewAnswer}, and say in the outcome what
 * decided. Reviews with more to judge (a DELETE and its consequences for the nodes) are a case of
 * {@link RequestTarget} that each webhook judges. Neither touches the HTTP code in
 * {@link AdmissionRoutes}.
 */
public class ReviewPipeline {

    private static final Logger LOG = Logger.getLogger(ReviewPipeline.class);

    private final ReviewReader reader;
    private final AnswerWriter writer;
    private final ReviewObserver observer;
    private final Enforcement enforcement;

    ReviewPipeline(ReviewReader reader, AnswerWriter writer, ReviewObserver observer) {
        this(reader, writer, observer, Enforcement.DEFAULT);
    }

    /**
     * @param enforcement applied here to the decisions settled without judging (an unknown kind,
     *                    an unreadable object); each webhook applies it to what it judges, because
     *                    the validator must raise verdicts before UPDATE ratcheting
     */
    ReviewPipeline(ReviewReader reader, AnswerWriter writer, ReviewObserver observer, Enforcement enforcement) {
        this.reader = reader;
        this.writer = writer;
        this.observer = observer;
        this.enforcement = enforcement;
    }

    /** The same pipeline telling no observer: for the start-up warm-up, which must not show in metrics. */
    ReviewPipeline unobserved() {
        return new ReviewPipeline(reader, writer, ReviewObserver.NONE, enforcement);
    }

    public HttpReply answer(AdmissionWebhook webhook, byte[] body) {
        long start = System.nanoTime();
        ReviewRequest request;
        try {
            request = reader.read(body);
        } catch (NotAReviewException e) {
            HttpReply reply = failure(400, "BadRequest", e.getMessage());
            report(ReviewOutcome.notAReview(webhook.webhook(), e.getMessage(), System.nanoTime() - start));
            return reply;
        }
        ReviewAnswer answer;
        try {
            RequestTarget target = request.target();
            if (target instanceof RequestTarget.Evaluate evaluate) {
                answer = webhook.judge(request, evaluate);
            } else if (target instanceof RequestTarget.Removal removal) {
                answer = webhook.judge(request, removal);
            } else {
                answer = ReviewAnswer.of(enforcement.apply(((RequestTarget.Settled) target).decision()));
            }
        } catch (RuntimeException e) {
            // A bug must not become a 500 (the API server would show a bare "internal error") nor
            // an allow: deny with a message that says what happened and where to look.
            LOG.errorf(e, "evaluating review %s failed", request.uid());
            answer = ReviewAnswer.failed("evaluation failed: " + e.getClass().getName(),
                    "the webhook failed to evaluate this object (" + e.getClass().getSimpleName()
                            + "); this is a bug in idms-webhook, its log names review " + request.uid());
        }
        byte[] bytes = writer.write(request.uid(), answer);
        report(ReviewOutcome.answered(webhook.webhook(), request, answer, System.nanoTime() - start));
        return new HttpReply(200, bytes);
    }

    /**
     * A request refused before its body is read (wrong method, wrong Content-Type, a body over the
     * limit): answered in the same JSON shape as a 400, and counted and logged as an error like one,
     * so every request to the endpoint shows in the metrics and the decision log.
     */
    public HttpReply refuse(Webhook webhook, int code, String reason, String message) {
        HttpReply reply = failure(code, reason, message);
        report(ReviewOutcome.refused(webhook, message));
        return reply;
    }

    private HttpReply failure(int code, String reason, String message) {
        return new HttpReply(code, writer.writeStatus(code, reason, message));
    }

    /** Counting and logging must never cost the API server its answer. */
    private void report(ReviewOutcome outcome) {
        try {
            observer.answered(outcome);
        } catch (RuntimeException e) {
            LOG.warnf(e, "recording review %s failed; the answer was sent", outcome.uid());
        }
    }
}
