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
 * object, as the nodes will use it.
 */
public record Decision(List<Finding> denials, List<Finding> wouldDeny, List<Finding> warnings,
                       Map<String, List<String>> mergedOrders) {

    /** Kubernetes truncates a single warning over this many characters. */
    public static final int MAX_WARNING_LENGTH = 256;
    /** Kubernetes drops warnings past this many characters in total. */
    public static final int MAX_WARNINGS_TOTAL = 4096;

    public Decision {
        denials = List.copyOf(denials);
        wouldDeny = List.copyOf(wouldDeny);
        warnings = List.copyOf(warnings);
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

    /**
     * Warnings as kubectl will show them, the would-be denials first: each at most
     * {@value #MAX_WARNING_LENGTH} characters and all together at most {@value #MAX_WARNINGS_TOTAL},
     * so that the API server drops none silently. A long one is shortened in the middle of its
     * text, keeping its rule id; the ones that do not fit are summarised by a last line that says
     * how many were left out.
     */
    public List<String> warningMessages() {
        int count = wouldDeny.size() + warnings.size();
        List<String> out = new ArrayList<>(count);
        int total = 0;
        for (int i = 0; i < count; i++) {
            boolean lowered = i < wouldDeny.size();
            String text = fit(lowered ? wouldDeny.get(i) : warnings.get(i - wouldDeny.size()), lowered);
            int left = count - i - 1;
            String more = left == 0 ? null : "and " + left + " more warning(s) not shown; lint the object offline to see all";
            int reserve = more == null ? 0 : more.length();
            if (total + text.length() + reserve > MAX_WARNINGS_TOTAL) {
                out.add("and " + (count - i) + " more warning(s) not shown; lint the object offline to see all");
                return out;
            }
            out.add(text);
            total += text.length();
        }
        return out;
    }

    /** A would-be denial as a warning: {@value Enforcement#WOULD_DENY} and the denial's message. */
    public static String wouldDenyMessage(Finding f) {
        return Enforcement.WOULD_DENY + f.message();
    }

    private static String fit(Finding f, boolean lowered) {
        String text = lowered ? wouldDenyMessage(f) : f.message();
        if (text.length() <= MAX_WARNING_LENGTH) {
            return text;
        }
        String tail = "... " + f.rule().tag();
        return text.substring(0, MAX_WARNING_LENGTH - tail.length()) + tail;
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
