package io.idmswebhook.core.engine;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Quote;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.rules.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What the configured enforcement does to the rule book's verdicts (rule book section 8): a global
 * mode and per-rule overrides, the same for the service and the linter.
 *
 * <p>Per rule, {@code deny} makes every finding of the rule a denial (a WARN rule such as P3's
 * warning case included), {@code warn} lowers its denials to warnings, {@code off} drops its
 * findings. Then, in the global {@code warn} mode, every denial that is left is lowered too:
 * nothing is ever denied, and each lowered denial is shown as a warning that starts with
 * {@value #WOULD_DENY}. So in warn mode the warnings say exactly what deny mode with the same
 * overrides would deny, which is what a first rollout wants to read.
 *
 * <p>Raising runs before UPDATE ratcheting and lowering after it, so that an old mistake is
 * excused under the raised verdict as it is under the book's, and a ratcheted denial is a plain
 * warning (it would not have been denied) rather than a would-be denial. The validator therefore
 * applies both itself ({@link MirrorSetValidator}); {@link #apply(Decision)} is for decisions made
 * without it (an unknown kind, an unreadable object, the defaulting webhook's own denials).
 * Immutable and thread-safe.
 *
 * <p>The parsing of the settings' keys and values lives here with their effect, because the
 * service's configuration and the linter's options read the same keys and must refuse the same
 * values with the same words.
 */
public final class Enforcement {

    /** How a lowered denial's warning starts. */
    public static final String WOULD_DENY = "would deny: ";

    /** The global mode. */
    public enum Mode {
        DENY,
        WARN;

        /** As written in the configuration. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A per-rule override. */
    public enum Action {
        DENY,
        WARN,
        OFF;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The rule book's verdicts, enforced: what the service does without configuration. */
    public static final Enforcement DEFAULT = new Enforcement(Mode.DENY, Map.of());

    private final Mode mode;
    private final Map<RuleId, Action> overrides;
    /** By rule ordinal, null where the rule keeps its verdict: looked up for every finding. */
    private final Action[] byRule;

    public Enforcement(Mode mode, Map<RuleId, Action> overrides) {
        this.mode = mode;
        EnumMap<RuleId, Action> copy = new EnumMap<>(RuleId.class);
        copy.putAll(overrides);
        for (RuleId rule : copy.keySet()) {
            if (!settable(rule)) {
                throw new IllegalArgumentException(rule + " is a defaulting change, not a check; it cannot be overridden");
            }
        }
        this.overrides = java.util.Collections.unmodifiableMap(copy);
        this.byRule = new Action[RuleId.values().length];
        copy.forEach((rule, action) -> byRule[rule.ordinal()] = action);
    }

    public Mode mode() {
        return mode;
    }

    /** The per-rule overrides, in rule book order. */
    public Map<RuleId, Action> overrides() {
        return overrides;
    }

    /** The same overrides in another global mode: the audit reports what deny mode would deny. */
    public Enforcement withMode(Mode other) {
        return other == mode ? this : new Enforcement(other, overrides);
    }

    /** Only checks can be overridden: the D rules are the defaulting webhook's changes, not findings to judge. */
    public static boolean settable(RuleId rule) {
        return rule.name().charAt(0) != 'D';
    }

    /**
     * The raise and the drop, before UPDATE ratcheting: findings of {@code off} rules are left
     * out and warnings of {@code deny} rules become denials.
     */
    public List<Finding> judge(List<Finding> findings) {
        if (overrides.isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            Action a = byRule[f.rule().ordinal()];
            if (a == Action.OFF) {
                continue;
            }
            out.add(a == Action.DENY && f.verdict() == Verdict.WARN
                    ? new Finding(f.rule(), Verdict.DENY, f.path(), f.subject(), f.problem(), f.fix())
                    : f);
        }
        return out;
    }

    /** The whole of it, for a decision the validator did not make. */
    public Decision apply(Decision decision) {
        if (overrides.isEmpty() && mode == Mode.DENY) {
            return decision;
        }
        List<Finding> all = new ArrayList<>(decision.denials().size() + decision.warnings().size());
        all.addAll(decision.denials());
        all.addAll(decision.warnings());
        List<Finding> judged = judge(all);
        List<Finding> denials = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        for (Finding f : judged) {
            (f.denies() ? denials : warnings).add(f);
        }
        List<Finding> wouldDeny = new ArrayList<>(judge(decision.wouldDeny()));
        return lower(denials, wouldDeny, warnings, decision.mergedOrders());
    }

    /**
     * The lowering, after ratcheting: denials of {@code warn} rules, and in warn mode all denials,
     * become would-be denials.
     */
    Decision lower(List<Finding> denials, List<Finding> wouldDeny, List<Finding> warnings,
                   Map<String, List<String>> mergedOrders) {
        List<Finding> kept = denials;
        if (mode == Mode.WARN) {
            wouldDeny.addAll(denials);
            kept = List.of();
        } else if (!overrides.isEmpty()) {
            kept = new ArrayList<>(denials.size());
            for (Finding f : denials) {
                (byRule[f.rule().ordinal()] == Action.WARN ? wouldDeny : kept).add(f);
            }
        }
        return new Decision(kept, wouldDeny, warnings, mergedOrders);
    }

    /** {@code deny} or {@code warn}, in any letter case. */
    public static Mode parseMode(String key, String value) {
        for (Mode m : Mode.values()) {
            if (m.label().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException(key + "=" + shown(value) + " is not an enforcement mode; use deny or warn");
    }

    /** {@code deny}, {@code warn} or {@code off}, in any letter case. */
    public static Action parseAction(String key, String value) {
        for (Action a : Action.values()) {
            if (a.label().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException(key + "=" + shown(value)
                + " is not a rule setting; use deny, warn or off");
    }

    /**
     * A rule id as a person writes it ({@code P3}, {@code p3}: environment variable names reach
     * the configuration in either case).
     */
    public static RuleId parseRule(String key, String id, String value) {
        String wanted = id == null ? "" : id.trim().toUpperCase(Locale.ROOT);
        for (RuleId r : RuleId.values()) {
            if (r.name().equals(wanted)) {
                if (!settable(r)) {
                    throw new IllegalArgumentException(key + "=" + shown(value) + ": " + r
                            + " is a defaulting change of the mutating webhook, not a check; set one of "
                            + settableIds());
                }
                return r;
            }
        }
        throw new IllegalArgumentException(key + "=" + shown(value) + ": " + shown(id)
                + " is not a rule id of the rule book; use one of " + settableIds());
    }

    /** The ids an override may name, comma-separated, in rule book order. */
    public static String settableIds() {
        StringJoiner j = new StringJoiner(", ");
        Arrays.stream(RuleId.values()).filter(Enforcement::settable).forEach(r -> j.add(r.name()));
        return j.toString();
    }

    private static String shown(String value) {
        return value == null ? "(nothing)" : Quote.of(value);
    }

    /** {@code mode=warn P3=deny S10=off}: for the start-up log and the linter's summary. */
    public String describe() {
        StringBuilder sb = new StringBuilder("mode=").append(mode.label());
        overrides.forEach((rule, action) -> sb.append(' ').append(rule.name()).append('=').append(action.label()));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Enforcement e && e.mode == mode && e.overrides.equals(overrides);
    }

    @Override
    public int hashCode() {
        return mode.hashCode() * 31 + overrides.hashCode();
    }

    @Override
    public String toString() {
        return describe();
    }
}
