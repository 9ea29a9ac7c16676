package io.idmswebhook.ops;

import io.idmswebhook.admission.ReviewObserver;
import io.idmswebhook.admission.ReviewOutcome;
import io.idmswebhook.admission.Webhook;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Counts reviews and rule hits and times every answer. Runs on the event loop for every write of a
 * mirror set in the cluster, so every counter is found by array index from enum ordinals: no tag
 * lists, builders or map look-ups per request. Labels come from closed sets (a kind this webhook
 * does not handle is "other"), so no caller can grow the number of series.
 *
 * <p>Every series of the review path in one class, because the slot a request counts into is
 * computed from the same label lists and ordinals that register the series at start: apart, the
 * two could drift and a request would count into another label's series.
 */
@Singleton
@Startup
public class ReviewMetrics implements ReviewObserver {

    public static final String REVIEWS = "idms.webhook.reviews";
    public static final String DURATION = "idms.webhook.review.duration";
    public static final String RULE_HITS = "idms.webhook.rule.hits";
    public static final String RULE_WOULD_DENY = "idms.webhook.rule.would.deny";
    public static final String REVIEWS_WOULD_DENY = "idms.webhook.reviews.would.deny";

    /** Kind label values: the three handled kinds, then an unhandled kind, then not a review. */
    static final List<String> KINDS = List.of(MirrorSetKind.IDMS.kind(), MirrorSetKind.ITMS.kind(),
            MirrorSetKind.ICSP.kind(), "other", "unknown");
    private static final int KIND_OTHER = 3;
    private static final int KIND_UNKNOWN = 4;

    static final List<String> OPERATIONS = List.of("CREATE", "UPDATE", "DELETE", "CONNECT", "other", "unknown");
    private static final int OPERATION_OTHER = 4;
    private static final int OPERATION_UNKNOWN = 5;

    /**
     * Sub-millisecond answers are the norm (the engine works in microseconds); the upper buckets
     * catch a stalled event loop. The API server's own timeout is 10 s by default.
     */
    static final Duration[] BUCKETS = {
            Duration.ofNanos(50_000), Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofSeconds(1)};

    private static final Webhook[] WEBHOOKS = Webhook.values();
    private static final ReviewOutcome.Result[] RESULTS = ReviewOutcome.Result.values();
    private static final RuleId[] RULES = RuleId.values();
    private static final Verdict[] VERDICTS = Verdict.values();

    private final MeterRegistry registry;
    /** Indexed by {@link #reviewSlot}; filled on first use, the registry hands back the same meter on a race. */
    private final AtomicReferenceArray<Counter> reviews =
            new AtomicReferenceArray<>(WEBHOOKS.length * KINDS.size() * OPERATIONS.size() * RESULTS.length * 2);
    private final AtomicReferenceArray<Counter> ruleHits = new AtomicReferenceArray<>(RULES.length * VERDICTS.length);
    private final AtomicReferenceArray<Counter> ruleWouldDeny = new AtomicReferenceArray<>(RULES.length);
    private final Counter[] reviewsWouldDeny = new Counter[WEBHOOKS.length];
    private final Timer[] durations = new Timer[WEBHOOKS.length];

    public ReviewMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Webhook webhook : WEBHOOKS) {
            durations[webhook.ordinal()] = Timer.builder(DURATION)
                    .description("Time from a request body in hand to its answer's bytes")
                    .tag("webhook", webhook.label())
                    .serviceLevelObjectives(BUCKETS)
                    .publishPercentileHistogram(false)
                    .register(registry);
            // The series dashboards and alerts divide by: present at zero before the first write.
            for (ReviewOutcome.Result result : RESULTS) {
                review(webhook, 0, 0, result, false);
            }
            review(webhook, KIND_UNKNOWN, OPERATION_UNKNOWN, ReviewOutcome.Result.ERROR, false);
            reviewsWouldDeny[webhook.ordinal()] = Counter.builder(REVIEWS_WOULD_DENY)
                    .description("Reviews allowed only because enforcement (idms.enforcement.*) lowered their denials")
                    .tag("webhook", webhook.label())
                    .register(registry);
        }
        for (RuleId rule : RULES) {
            ruleHit(rule, rule.usualVerdict());
            if (rule.usualVerdict() == Verdict.DENY) {
                wouldDeny(rule);
            }
        }
    }

    @Override
    public void answered(ReviewOutcome outcome) {
        Webhook webhook = outcome.webhook();
        durations[webhook.ordinal()].record(outcome.nanos(), TimeUnit.NANOSECONDS);
        review(webhook, kindIndex(outcome), operationIndex(outcome.operation()), outcome.result(), outcome.dryRun())
                .increment();
        Decision decision = outcome.decision();
        if (decision != null) {
            countRuleHits(decision);
            if (decision.loweredByEnforcement()) {
                countWouldDeny(webhook, decision);
            }
        }
    }

    /** Kept apart from the rule hits: what deny mode would have blocked is what a warn-mode rollout watches. */
    private void countWouldDeny(Webhook webhook, Decision decision) {
        if (decision.allowed()) {
            reviewsWouldDeny[webhook.ordinal()].increment();
        }
        boolean[] seen = new boolean[RULES.length];
        for (Finding f : decision.wouldDeny()) {
            int slot = f.rule().ordinal();
            if (!seen[slot]) {
                seen[slot] = true;
                wouldDeny(f.rule()).increment();
            }
        }
    }

    private Counter wouldDeny(RuleId rule) {
        Counter c = ruleWouldDeny.get(rule.ordinal());
        if (c == null) {
            c = Counter.builder(RULE_WOULD_DENY)
                    .description("Reviews on which a rule would have denied but enforcement lowered it to a warning, by rule id")
                    .tag("rule", rule.name())
                    .register(registry);
            ruleWouldDeny.set(rule.ordinal(), c);
        }
        return c;
    }

    /**
     * One hit per rule and verdict per review, however many entries it fired on: "how many writes
     * did P5 deny" stays readable when one large object repeats the same mistake.
     */
    private void countRuleHits(Decision decision) {
        if (decision.denials().isEmpty() && decision.warnings().isEmpty()) {
            return;
        }
        boolean[] seen = new boolean[RULES.length * VERDICTS.length];
        countOnce(decision.denials(), seen);
        countOnce(decision.warnings(), seen);
    }

    private void countOnce(List<Finding> findings, boolean[] seen) {
        for (Finding f : findings) {
            int slot = f.rule().ordinal() * VERDICTS.length + f.verdict().ordinal();
            if (!seen[slot]) {
                seen[slot] = true;
                ruleHit(f.rule(), f.verdict()).increment();
            }
        }
    }

    private static int kindIndex(ReviewOutcome outcome) {
        if (outcome.requestedKind() == null) {
            return KIND_UNKNOWN;
        }
        return outcome.kind() == null ? KIND_OTHER : outcome.kind().ordinal();
    }

    private static int operationIndex(String operation) {
        if (operation == null) {
            return OPERATION_UNKNOWN;
        }
        return switch (operation) {
            case "CREATE" -> 0;
            case "UPDATE" -> 1;
            case "DELETE" -> 2;
            case "CONNECT" -> 3;
            default -> OPERATION_OTHER;
        };
    }

    private static int reviewSlot(Webhook webhook, int kind, int operation, ReviewOutcome.Result result, boolean dryRun) {
        return (((webhook.ordinal() * KINDS.size() + kind) * OPERATIONS.size() + operation) * RESULTS.length
                + result.ordinal()) * 2 + (dryRun ? 1 : 0);
    }

    private Counter review(Webhook webhook, int kind, int operation, ReviewOutcome.Result result, boolean dryRun) {
        int slot = reviewSlot(webhook, kind, operation, result, dryRun);
        Counter c = reviews.get(slot);
        if (c == null) {
            c = Counter.builder(REVIEWS)
                    .description("Admission requests answered, by endpoint, kind, operation, decision and dry run")
                    .tag("webhook", webhook.label())
                    .tag("kind", KINDS.get(kind))
                    .tag("operation", OPERATIONS.get(operation))
                    .tag("decision", result.label())
                    .tag("dry_run", Boolean.toString(dryRun))
                    .register(registry);
            reviews.set(slot, c);
        }
        return c;
    }

    private Counter ruleHit(RuleId rule, Verdict verdict) {
        int slot = rule.ordinal() * VERDICTS.length + verdict.ordinal();
        Counter c = ruleHits.get(slot);
        if (c == null) {
            c = Counter.builder(RULE_HITS)
                    .description("Reviews on which a rule fired, by rule id and verdict")
                    .tag("rule", rule.name())
                    .tag("verdict", verdict.name().toLowerCase(Locale.ROOT))
                    .register(registry);
            ruleHits.set(slot, c);
        }
        return c;
    }
}
