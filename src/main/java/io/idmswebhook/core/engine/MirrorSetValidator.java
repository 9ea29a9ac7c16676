package io.idmswebhook.core.engine;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ReviewView;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.CrossPolicyRules;
import io.idmswebhook.core.rules.EntryPolicyRules;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.rules.OrderRules;
import io.idmswebhook.core.rules.ParsedEntry;
import io.idmswebhook.core.rules.Ratchet;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.SyntaxRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one object (and, on UPDATE, its old version) against the rule book and the cluster
 * view. Stateless and thread-safe: one instance serves every request.
 */
public final class MirrorSetValidator {

    private final Limits limits;
    private final Enforcement enforcement;

    public MirrorSetValidator() {
        this(Limits.DEFAULT);
    }

    public MirrorSetValidator(Limits limits) {
        this(limits, Enforcement.DEFAULT);
    }

    /** @param enforcement the configured verdicts; the decision comes out with them applied */
    public MirrorSetValidator(Limits limits, Enforcement enforcement) {
        this.limits = limits;
        this.enforcement = enforcement;
    }

    public Enforcement enforcement() {
        return enforcement;
    }

    /**
     * @param object    the object being written
     * @param oldObject its previous version on UPDATE, else null: a denial that the old version
     *                  already had (same rule, same values) is only a warning, so unrelated edits
     *                  are never blocked by an old mistake
     * @param cluster   the other objects; the cluster's copy of {@code object} is ignored
     */
    public Decision validate(MirrorSet object, MirrorSet oldObject, ClusterView cluster) {
        List<Finding> limit = new ArrayList<>(1);
        if (!limits.check(object, limit)) {
            return enforcement.apply(Decision.deny(limit.get(0)));
        }
        List<Finding> findings = new ArrayList<>();
        Map<String, List<String>> orders = evaluate(object, cluster, findings);
        if (cluster.state() == ClusterState.UNAVAILABLE) {
            findings.add(0, Finding.warn(RuleId.X2, "", "",
                    "cross-object checks were skipped because the cluster view is unavailable;"
                            + " only this object was checked",
                    "retry later to check it against the other mirror sets"));
        }
        // Raised before the ratchet, so an old mistake is excused under the configured verdict too.
        findings = enforcement.judge(findings);
        if (oldObject != null && findings.stream().anyMatch(Finding::denies)) {
            findings = ratchet(findings, oldObject, cluster);
        }
        List<Finding> denials = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (Finding f : findings) {
            (f.denies() ? denials : warnings).add(f);
        }
        denials.sort(MOST_IMPORTANT_FIRST);
        warnings.sort(MOST_IMPORTANT_FIRST);
        return enforcement.lower(denials, new ArrayList<>(), warnings, orders);
    }

    /**
     * Stable order, so findings keep their field order within a rank: first what stops the
     * Machine Config Operator for the whole cluster (P2, P4, P6) and the note that the cluster
     * was not consulted (X2), then mirror orders that differ from what was written (O1, O2),
     * then the rest.
     */
    private static final Comparator<Finding> MOST_IMPORTANT_FIRST = Comparator.comparingInt(f -> switch (f.rule()) {
        case P2, P4, P6, X2 -> 0;
        case O1, O2 -> 1;
        default -> 2;
    });

    private static Map<String, List<String>> evaluate(MirrorSet set, ClusterView cluster, List<Finding> out) {
        EntryPolicyRules.checkObject(set, out);
        List<ParsedEntry> parsed = new ArrayList<>(set.entries().size());
        for (MirrorEntry e : set.entries()) {
            ParsedEntry pe = SyntaxRules.check(set, e, out);
            EntryPolicyRules.check(pe, out);
            parsed.add(pe);
        }
        ClusterView view = new ReviewView(cluster, set);
        CrossPolicyRules.check(set, parsed, view, out);
        return OrderRules.check(set, parsed, view, out);
    }

    private List<Finding> ratchet(List<Finding> findings, MirrorSet oldObject, ClusterView cluster) {
        List<Finding> old = new ArrayList<>();
        if (!limits.check(oldObject, old)) {
            return findings;
        }
        evaluate(oldObject, cluster, old);
        Ratchet ratchet = new Ratchet(enforcement.judge(old));
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(ratchet.preexisting(f) ? f.asPreexistingWarning() : f);
        }
        return out;
    }
}
