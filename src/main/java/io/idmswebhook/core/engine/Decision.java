package io.idmswebhook.core.engine;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the engine decided about one object: denials (any denial blocks the write), would-be
 * denials (denials that the configured {@link Enforcement} lowered: shown as warnings that start
 * with {@value Enforcement#WOULD_DENY}), warnings, and the merged mirror order per source of the
 * object, as the nodes will use it. The warnings are kept within the API server's budget
 * ({@link WarningBudget}), beside the would-be denials, when the decision is made, so the
 * webhook's answer, the linter and the audit all show the same ones.
 */
public record Decision(List<Finding> denials, List<Finding> wouldDeny, List<Finding> warnings,
                       Map<String, List<String>> mergedOrders) {

    /**
     * @param wouldDeny denials lowered by enforcement, kept whole: they are what a warn-mode rollout
     *                  is there to show
     * @param warnings  most important first: what does not fit the budget is gathered or left out
     *                  from the end
     */
    public Decision {
        denials = List.copyOf(denials);
        wouldDeny = List.copyOf(wouldDeny);
        int lowered = 0;
        for (Finding f : wouldDeny) {
            lowered += wouldDenyMessage(f).length();
        }
        warnings = List.copyOf(WarningBudget.fit(warnings, WarningBudget.TOTAL - lowered));
        mergedOrders = Map.copyOf(mergedOrders);
    }

    /** A decision as the rule book's verdicts make it, with nothing lowered. */
    public Decision(List<Finding> denials, List<Finding> warnings, Map<String, List<String>> mergedOrders) {
        this(denials, List.of(), warnings, mergedOrders);
    }

    public static Decision allow() {
        return new Decision(List.of(), List.of(), Map.of());
    }

    /** Denied for one reason that settles the request without running the rules (X3, X4). */
    public static Decision deny(Finding finding) {
        return new Decision(List.of(finding), List.of(), Map.of());
    }

    public boolean allowed() {
        return denials.isEmpty();
    }

    /** {@code status.message} of a denial: one finding per line, most important first. */
    public String statusMessage() {
        StringBuilder sb = new StringBuilder();
        for (Finding f : denials) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(f.message());
        }
        return sb.toString();
    }

    /** Whether enforcement lowered a denial, so the write was allowed only by configuration. */
    public boolean loweredByEnforcement() {
        return !wouldDeny.isEmpty();
    }

    /** The warnings as the answer carries them, the would-be denials first, one finding each. */
    public List<String> warningMessages() {
        List<String> out = new ArrayList<>(wouldDeny.size() + warnings.size());
        for (Finding f : wouldDeny) {
            out.add(wouldDenyMessage(f));
        }
        for (Finding f : warnings) {
            out.add(f.message());
        }
        return out;
    }

    /** A would-be denial as a warning: {@value Enforcement#WOULD_DENY} and the denial's message. */
    public static String wouldDenyMessage(Finding f) {
        return Enforcement.WOULD_DENY + f.message();
    }

    /**
     * The ids of the rules that fired, each once, denials first, then would-be denials,
     * comma-separated ({@code "P1,S2"}): what the audit annotation and the decision log both show.
     * Empty when none fired.
     */
    public String ruleIdList() {
        if (denials.isEmpty() && wouldDeny.isEmpty() && warnings.isEmpty()) {
            return "";
        }
        boolean[] seen = new boolean[RuleId.values().length];
        StringBuilder ids = new StringBuilder(8 * (denials.size() + wouldDeny.size() + warnings.size()));
        appendOnce(denials, seen, ids);
        appendOnce(wouldDeny, seen, ids);
        appendOnce(warnings, seen, ids);
        return ids.toString();
    }

    /** The ids of the rules whose denials were lowered, each once, comma-separated; empty when none. */
    public String wouldDenyIdList() {
        if (wouldDeny.isEmpty()) {
            return "";
        }
        StringBuilder ids = new StringBuilder(8 * wouldDeny.size());
        appendOnce(wouldDeny, new boolean[RuleId.values().length], ids);
        return ids.toString();
    }

    private static void appendOnce(List<Finding> findings, boolean[] seen, StringBuilder ids) {
        for (Finding f : findings) {
            int i = f.rule().ordinal();
            if (!seen[i]) {
                seen[i] = true;
                if (ids.length() > 0) {
                    ids.append(',');
                }
                ids.append(f.rule().name());
            }
        }
    }
}
