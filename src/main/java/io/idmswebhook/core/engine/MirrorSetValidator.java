package io.idmswebhook.core.engine;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ReviewView;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.nodes.NodeImpact;
import io.idmswebhook.core.nodes.Refusal;
import io.idmswebhook.core.nodes.UnchangedRendering;
import io.idmswebhook.core.rules.CrossPolicyRules;
import io.idmswebhook.core.rules.DeprecationRules;
import io.idmswebhook.core.rules.EntryPolicyRules;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.rules.OrderRules;
import io.idmswebhook.core.rules.ParsedEntry;
import io.idmswebhook.core.rules.Ratchet;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.SyntaxRules;
import io.idmswebhook.core.rules.Verdict;
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

    public Limits limits() {
        return limits;
    }

    public Enforcement enforcement() {
        return enforcement;
    }

    /**
     * @param object    the object being written; null for a DELETE of {@code oldObject}
     * @param oldObject its previous version on UPDATE, else null: a denial that the old version
     *                  already had (same rule, same values) is only a warning, so unrelated edits
     *                  are never blocked by an old mistake
     * @param cluster   the other objects; the cluster's copy of {@code object} is ignored
     */
    public Decision validate(MirrorSet object, MirrorSet oldObject, ClusterView cluster) {
        if (object == null) {
            return validateDelete(oldObject, cluster);
        }
        return decide(object, oldObject, cluster, null);
    }

    /**
     * What {@code validate(object, null, cluster)} answers for an object the cluster already
     * holds, as the audit judges it, with the registries.conf render left out when
     * {@code unchanged} shows that the object adds nothing to the file.
     */
    Decision validateHeld(MirrorSet object, ClusterView cluster, UnchangedRendering unchanged) {
        return decide(object, null, cluster, unchanged);
    }

    private Decision decide(MirrorSet object, MirrorSet oldObject, ClusterView cluster, UnchangedRendering unchanged) {
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
        NodeImpact.Impact impact = unchanged != null && unchanged.addsNothing(object)
                ? NodeImpact.Impact.NONE : NodeImpact.assess(cluster, oldObject, object);
        Finding refused = refusalDenial(impact.refusal(), findings);
        if (refused != null) {
            findings.add(refused);
        }
        findings.addAll(impact.warnings());
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
     * DELETE: never denied, but judged for what it does to the nodes (rules N1 and N2).
     *
     * @param oldObject the object being deleted
     */
    public Decision validateDelete(MirrorSet oldObject, ClusterView cluster) {
        List<Finding> warnings = new ArrayList<>();
        for (Finding f : enforcement.judge(NodeImpact.assess(cluster, oldObject, null).warnings())) {
            // a rule raised to deny still only warns here: the rule book never denies a DELETE
            warnings.add(f.denies() ? new Finding(f.rule(), Verdict.WARN, f.path(), f.subject(), f.problem(), f.fix()) : f);
        }
        return new Decision(List.of(), warnings, Map.of());
    }

    /**
     * The renderer is the last word on what the operator refuses: when this write makes it stop
     * rendering and the rule for that refusal has not already denied, deny with that rule and the
     * operator's own reason, so the webhook and the preview never disagree.
     */
    private static Finding refusalDenial(Refusal refusal, List<Finding> findings) {
        if (refusal == null || refusal.rule() == null) {
            return null;
        }
        RuleId rule = refusal.rule();
        if (rule != RuleId.P2 && rule != RuleId.P4 && rule != RuleId.P6) {
            // syntax refusals are the S rules' business, and they deny on their own
            return null;
        }
        for (Finding f : findings) {
            if (f.denies() && f.rule() == rule) {
                return null;
            }
        }
        String fix = switch (rule) {
            case P2 -> "remove " + refusal.value() + " from its own mirrors, or use AllowContactingSource";
            case P4 -> "use one mirrorSourcePolicy for " + refusal.value()
                    + " in every entry of every object, entries without mirrors included";
            default -> "add an entry with mirrors for the nested registry, or narrow the wildcard";
        };
        return Finding.deny(rule, "spec", refusal.value(),
                "after this write the Machine Config Operator stops rendering registries.conf for the whole cluster: "
                        + refusal.reason(), fix);
    }

    /**
     * Stable order, so findings keep their field order within a rank: first what stops the
     * Machine Config Operator for the whole cluster (P2, P4, P6) and the note that the cluster
     * was not consulted (X2), then mirror orders that differ from what was written (O1, O2),
     * then the rest, and last the note that the kind is deprecated (M1), which says nothing about
     * what the nodes do.
     */
    private static final Comparator<Finding> MOST_IMPORTANT_FIRST = Comparator.comparingInt(f -> switch (f.rule()) {
        case P2, P4, P6, X2 -> 0;
        case O1, O2 -> 1;
        case M1 -> 3;
        default -> 2;
    });

    private static Map<String, List<String>> evaluate(MirrorSet set, ClusterView cluster, List<Finding> out) {
        DeprecationRules.check(set, out);
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
