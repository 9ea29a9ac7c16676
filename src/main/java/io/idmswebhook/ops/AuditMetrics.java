package io.idmswebhook.ops;

import io.idmswebhook.cluster.ClusterAuditor;
import io.idmswebhook.core.engine.ClusterAudit.Audited;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The last audit of the cluster in numbers, so an alert can say "something in the cluster would be
 * denied" without reading {@code GET /audit}: objects audited, objects that would be denied, and
 * findings by rule and verdict. A finding series is registered the first time its rule and verdict
 * occur and then stays, at 0 once the finding is fixed, so a fix shows as a drop rather than as a
 * series that disappears.
 */
@Singleton
@Startup
public class AuditMetrics {

    public static final String OBJECTS = "idms.webhook.audit.objects";
    public static final String DENIED = "idms.webhook.audit.objects.denied";
    public static final String FINDINGS = "idms.webhook.audit.findings";
    public static final String DURATION = "idms.webhook.audit.duration";

    /** Verdict labels: as the book's, plus a denial that enforcement lowered. */
    static final String[] VERDICTS = {"deny", "would_deny", "warn"};

    private static final RuleId[] RULES = RuleId.values();

    private final MeterRegistry registry;
    private final boolean[] registered = new boolean[RULES.length * VERDICTS.length];
    private volatile int[] findings = new int[RULES.length * VERDICTS.length];
    private volatile int objects;
    private volatile int denied;
    private volatile double seconds = Double.NaN;

    public AuditMetrics(MeterRegistry registry, ClusterAuditor auditor) {
        this.registry = registry;
        Gauge.builder(OBJECTS, this, m -> m.objects)
                .description("Mirror sets judged by the last audit of the cluster")
                .strongReference(true).register(registry);
        Gauge.builder(DENIED, this, m -> m.denied)
                .description("Mirror sets in the cluster that the last audit found would be denied if written now")
                .strongReference(true).register(registry);
        Gauge.builder(DURATION, this, m -> m.seconds)
                .description("How long the last audit of the cluster took; NaN before the first")
                .baseUnit("seconds")
                .strongReference(true).register(registry);
        auditor.onReport(this::update);
    }

    /** On the audit's thread, once per run. */
    synchronized void update(ClusterAuditor.Report report) {
        int[] counts = new int[RULES.length * VERDICTS.length];
        for (Audited a : report.objects()) {
            Decision d = a.decision();
            count(d.denials(), 0, counts);
            count(d.wouldDeny(), 1, counts);
            count(d.warnings(), 2, counts);
        }
        findings = counts;
        objects = report.objects().size();
        denied = report.denied();
        seconds = report.nanos() / 1e9;
        for (int slot = 0; slot < counts.length; slot++) {
            if (counts[slot] > 0 && !registered[slot]) {
                registered[slot] = true;
                int s = slot;
                Gauge.builder(FINDINGS, this, m -> m.findings[s])
                        .description("Findings in the cluster at the last audit, by rule and verdict")
                        .tag("rule", RULES[slot / VERDICTS.length].name())
                        .tag("verdict", VERDICTS[slot % VERDICTS.length])
                        .strongReference(true).register(registry);
            }
        }
    }

    private static void count(List<Finding> list, int verdict, int[] counts) {
        for (Finding f : list) {
            counts[f.rule().ordinal() * VERDICTS.length + verdict]++;
        }
    }
}
