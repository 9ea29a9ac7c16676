package io.idmswebhook.core.engine;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps an object's warnings within what the API server passes on whole (rule book section 9):
 * once their total passes {@value #TOTAL} characters it cuts every warning to 256, which would cut
 * the merged order that the O rules exist to state.
 *
 * <p>Rules that the book asks to report once per object (P8, O3) are always gathered into one
 * warning. When the total is still over the budget, every rule's findings are gathered into one
 * warning per rule, and the least important of those name fewer findings ({@code and N more}),
 * always whole: a finding, and with it a merged order, is never cut inside. The input is taken as
 * sorted most important first; the output keeps that order and depends on nothing else.
 *
 * <p>One algorithm in one class (group, measure, shrink), with its groups as private state: the
 * steps only make sense together, against one budget.
 */
public final class WarningBudget {

    /** The API server keeps warnings whole while their total stays within this many characters. */
    public static final int TOTAL = 4096;

    private static final Set<RuleId> ONE_PER_OBJECT = EnumSet.of(RuleId.P8, RuleId.O3);
    private static final String ITEM_SEPARATOR = "; ";
    /** Room kept for the note that counts the rules left out. */
    private static final int NOTE_ALLOWANCE = 200;

    private WarningBudget() {
    }

    public static List<Finding> fit(List<Finding> warnings) {
        return fit(warnings, TOTAL);
    }

    /** @param budget the characters left for these warnings (others may share the 4096) */
    public static List<Finding> fit(List<Finding> warnings, int budget) {
        if (warnings.size() < 2) {
            return warnings;
        }
        List<Group> groups = groups(warnings);
        boolean gatherAll = total(groups) > budget;
        for (Group g : groups) {
            g.gathered = g.items.size() > 1 && (gatherAll || ONE_PER_OBJECT.contains(g.rule));
        }
        if (gatherAll) {
            shrink(groups, budget);
        }
        List<Finding> out = new ArrayList<>(warnings.size());
        List<Group> dropped = new ArrayList<>();
        for (Group g : groups) {
            if (g.shown == 0) {
                dropped.add(g);
            } else if (g.gathered) {
                out.add(g.gather());
            } else {
                out.addAll(g.items);
            }
        }
        if (!dropped.isEmpty()) {
            out.add(droppedNote(dropped));
        }
        return out;
    }

    /** Findings by rule, the rules in the order of their first finding. */
    private static List<Group> groups(List<Finding> warnings) {
        Map<RuleId, Group> byRule = new LinkedHashMap<>();
        for (Finding f : warnings) {
            byRule.computeIfAbsent(f.rule(), Group::new).items.add(f);
        }
        List<Group> groups = new ArrayList<>(byRule.values());
        for (Group g : groups) {
            g.prepare();
        }
        return groups;
    }

    private static int total(List<Group> groups) {
        int total = 0;
        for (Group g : groups) {
            total += g.gathered ? g.length() : g.separateLength;
        }
        return total;
    }

    /**
     * Names fewer findings, starting with the least important rule, until the total fits; then, if
     * it still does not, leaves out whole rules from the least important, each counted in a note.
     */
    private static void shrink(List<Group> groups, int budget) {
        int total = total(groups);
        for (int i = groups.size() - 1; i >= 0 && total > budget; i--) {
            Group g = groups.get(i);
            while (g.gathered && g.shown > 1 && total > budget) {
                int before = g.length();
                g.shown--;
                total += g.length() - before;
            }
        }
        if (total > budget) {
            total += NOTE_ALLOWANCE;
        }
        for (int i = groups.size() - 1; i > 0 && total > budget; i--) {
            Group g = groups.get(i);
            total -= g.gathered ? g.length() : g.separateLength;
            g.shown = 0;
        }
    }

    private static Finding droppedNote(List<Group> dropped) {
        int findings = 0;
        List<String> rules = new ArrayList<>();
        for (Group g : dropped) {
            findings += g.items.size();
            rules.add(g.rule.name());
        }
        return Finding.warn(dropped.get(0).rule, "", String.join(",", rules),
                findings + " more warning(s) of " + String.join(", ", rules) + " are not shown, to keep the warnings"
                        + " within the " + TOTAL + " characters that the API server passes on whole",
                "lint the object offline to see them all");
    }

    /** The findings of one rule, and how many of them a gathered warning names. */
    private static final class Group {

        final RuleId rule;
        final List<Finding> items = new ArrayList<>();
        String path;
        String fix;
        /** Each item as the gathered warning names it, and its length. */
        String[] shownItems;
        /** Sum of the item texts' lengths for the first k items, k = 0..n. */
        int[] prefixLength;
        int separateLength;
        int shown;
        boolean gathered;

        Group(RuleId rule) {
            this.rule = rule;
        }

        void prepare() {
            path = commonPath(items);
            fix = commonFix(items);
            shownItems = new String[items.size()];
            prefixLength = new int[items.size() + 1];
            for (int i = 0; i < items.size(); i++) {
                Finding f = items.get(i);
                separateLength += f.message().length();
                String relative = f.path().substring(path.length());
                StringBuilder item = new StringBuilder();
                if (!relative.isEmpty()) {
                    item.append(relative.startsWith(".") ? relative.substring(1) : relative).append(": ");
                }
                item.append(f.problem());
                if (fix == null && f.fix() != null && !f.fix().isEmpty()) {
                    item.append(" (").append(f.fix()).append(')');
                }
                shownItems[i] = item.toString();
                prefixLength[i + 1] = prefixLength[i] + shownItems[i].length();
            }
            shown = items.size();
        }

        /** Length of {@link #gather()}'s message, without building it. */
        int length() {
            int n = shown;
            int length = (path.isEmpty() ? 0 : path.length() + 2) + prefixLength[n] + ITEM_SEPARATOR.length() * (n - 1);
            if (n < items.size()) {
                length += more(items.size() - n).length();
            }
            if (fix != null) {
                length += 2 + fix.length();
            }
            return length + 1 + rule.tag().length();
        }

        Finding gather() {
            StringBuilder problem = new StringBuilder();
            StringBuilder subject = new StringBuilder();
            for (int i = 0; i < shown; i++) {
                if (i > 0) {
                    problem.append(ITEM_SEPARATOR);
                }
                problem.append(shownItems[i]);
            }
            for (int i = 0; i < items.size(); i++) {
                subject.append(i == 0 ? "" : ", ").append(items.get(i).subject());
            }
            if (shown < items.size()) {
                problem.append(more(items.size() - shown));
            }
            return Finding.warn(rule, path, subject.toString(), problem.toString(), fix);
        }

        private static String more(int hidden) {
            return ITEM_SEPARATOR + "and " + hidden + " more";
        }

        /** The longest path prefix the findings share, ending before a {@code .} or {@code [}. */
        private static String commonPath(List<Finding> findings) {
            String common = findings.get(0).path();
            for (Finding f : findings) {
                String p = f.path();
                int i = 0;
                int max = Math.min(common.length(), p.length());
                while (i < max && common.charAt(i) == p.charAt(i)) {
                    i++;
                }
                if (i < common.length()) {
                    common = common.substring(0, i);
                }
            }
            boolean whole = true;
            for (Finding f : findings) {
                String p = f.path();
                whole &= p.length() == common.length() || p.charAt(common.length()) == '.'
                        || p.charAt(common.length()) == '[';
            }
            if (whole) {
                return common;
            }
            int cut = Math.max(common.lastIndexOf('.'), common.lastIndexOf('['));
            return cut < 0 ? "" : common.substring(0, cut);
        }

        /** The fix when every finding gives the same one, else null (each item then carries its own). */
        private static String commonFix(List<Finding> findings) {
            String fix = findings.get(0).fix();
            for (Finding f : findings) {
                if (fix == null ? f.fix() != null : !fix.equals(f.fix())) {
                    return null;
                }
            }
            return fix == null || fix.isEmpty() ? null : fix;
        }
    }
}
