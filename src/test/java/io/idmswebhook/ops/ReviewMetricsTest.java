package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.idmswebhook.admission.ReviewAnswer;
import io.idmswebhook.admission.ReviewOutcome;
import io.idmswebhook.admission.ReviewRequest;
import io.idmswebhook.admission.Webhook;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.RequestedKind;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labels from closed sets, rule hits once per review, and the series present at zero. */
class ReviewMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ReviewMetrics metrics = new ReviewMetrics(registry);

    private double reviews(String webhook, String kind, String operation, String decision, boolean dryRun) {
        return registry.get(ReviewMetrics.REVIEWS).tags("webhook", webhook, "kind", kind, "operation", operation,
                "decision", decision, "dry_run", Boolean.toString(dryRun)).counter().count();
    }

    private double hits(String rule, String verdict) {
        return registry.get(ReviewMetrics.RULE_HITS).tags("rule", rule, "verdict", verdict).counter().count();
    }

    private static ReviewOutcome outcome(RequestedKind kind, String operation, Decision decision) {
        ReviewRequest request = new ReviewRequest("u", operation, kind, "n", "user", false, null, null);
        return ReviewOutcome.answered(Webhook.VALIDATE, request, ReviewAnswer.of(decision), 42_000);
    }

    private static RequestedKind handled(MirrorSetKind kind) {
        return new RequestedKind(kind.group(), kind.version(), kind.kind());
    }

    @Test
    void theSeriesAlertsNeedStartAtZero() {
        for (String webhook : List.of("validate", "mutate")) {
            for (String decision : List.of("allowed", "denied", "error")) {
                assertEquals(0, reviews(webhook, "ImageDigestMirrorSet", "CREATE", decision, false));
            }
            assertEquals(0, reviews(webhook, "unknown", "unknown", "error", false));
            assertEquals(0, registry.get(ReviewMetrics.DURATION).tag("webhook", webhook).timer().count());
        }
        assertEquals(0, hits("P1", "deny"));
        assertEquals(0, hits("O1", "warn"));
    }

    @Test
    void aRuleThatFiresOnSeveralEntriesIsOneHitPerVerdict() {
        Finding p1a = Finding.deny(RuleId.P1, "spec.imageDigestMirrors[0]", "a", "a", "fix");
        Finding p1b = Finding.deny(RuleId.P1, "spec.imageDigestMirrors[1]", "b", "b", "fix");
        Finding s6warn = Finding.warn(RuleId.S6, "spec.repositoryDigestMirrors[0].mirrors[1]", "m", "m", "fix");
        metrics.answered(outcome(handled(MirrorSetKind.IDMS), "UPDATE",
                new Decision(List.of(p1a, p1b), List.of(s6warn), Map.of())));
        assertEquals(1, hits("P1", "deny"));
        assertEquals(1, hits("S6", "warn"));
        assertEquals(0, hits("S6", "deny"));
        assertEquals(1, reviews("validate", "ImageDigestMirrorSet", "UPDATE", "denied", false));
        assertEquals(1, registry.get(ReviewMetrics.DURATION).tag("webhook", "validate").timer().count());
    }

    @Test
    void kindsAndOperationsOutsideTheClosedSetsShareOneLabelValue() {
        metrics.answered(outcome(new RequestedKind("", "v1", "Pod"), "CREATE", Decision.allow()));
        metrics.answered(outcome(new RequestedKind("", "v1", "Secret"), "PATCH", Decision.allow()));
        assertEquals(1, reviews("validate", "other", "CREATE", "allowed", false));
        assertEquals(1, reviews("validate", "other", "other", "allowed", false));
    }

    @Test
    void aBodyThatIsNotAReviewIsAnErrorOfUnknownKindAndOperation() {
        metrics.answered(ReviewOutcome.notAReview(Webhook.MUTATE, "not JSON", 1_000));
        assertEquals(1, reviews("mutate", "unknown", "unknown", "error", false));
    }
}
