package io.idmswebhook.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Rule book section 9: the 4096-character budget, whole merged orders, deterministic output. */
class WarningBudgetTest {

    private static int total(List<Finding> warnings) {
        return warnings.stream().mapToInt(f -> f.message().length()).sum();
    }

    private static Finding order(RuleId rule, int entry, int mirrors) {
        List<String> order = new ArrayList<>();
        for (int m = 0; m < mirrors; m++) {
            order.add("mirror-" + m + ".registry.corp.example/team-" + entry);
        }
        return Finding.warn(rule, "spec.imageDigestMirrors[" + entry + "].source", "quay.io/team-" + entry,
                "\"quay.io/team-" + entry + "\" is split across 2 lists that differ: nodes will use "
                        + String.join(", ", order),
                "keep one list per source if the order matters");
    }

    @Test
    void aLongWarningWithinTheBudgetIsKeptWhole() {
        Finding f = order(RuleId.O1, 0, 12);
        assertTrue(f.message().length() > 256, "a warning longer than the API server's per-warning cut");
        assertEquals(List.of(f), WarningBudget.fit(List.of(f)));
    }

    @Test
    void findingsOfOneRuleStaySeparateWhileTheyFit() {
        Finding a = Finding.warn(RuleId.S7, "spec.imageDigestMirrors[0].mirrors[0]", "A.io", "host \"A.io\" has uppercase", "lowercase it");
        Finding b = Finding.warn(RuleId.S7, "spec.imageDigestMirrors[1].mirrors[0]", "B.io", "host \"B.io\" has uppercase", "lowercase it");
        assertEquals(List.of(a, b), WarningBudget.fit(List.of(a, b)));
    }

    @Test
    void rulesReportedOncePerObjectAreGatheredEvenWhenTheyFit() {
        Finding first = order(RuleId.O3, 0, 2);
        Finding second = order(RuleId.O3, 3, 2);
        List<Finding> out = WarningBudget.fit(List.of(first, second));
        assertEquals(1, out.size(), out::toString);
        String m = out.get(0).message();
        assertTrue(m.startsWith("spec.imageDigestMirrors: [0].source: \"quay.io/team-0\""), m);
        assertTrue(m.contains("; [3].source: \"quay.io/team-3\""), m);
        assertTrue(m.endsWith("; keep one list per source if the order matters [O3]"), m);
        assertEquals(m.length(), total(out));
    }

    @Test
    void overTheBudgetEachRuleBecomesOneWarningMostImportantFirstAndOrdersStayWhole() {
        List<Finding> in = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            in.add(order(RuleId.O1, i, 6));
        }
        for (int i = 0; i < 60; i++) {
            in.add(Finding.warn(RuleId.P10, "spec.imageDigestMirrors[" + (40 + i) + "].mirrors[0]", "h" + i,
                    "source \"h" + i + ".example\" is a bare host", "scope the source to a repository path"));
        }
        assertTrue(total(in) > WarningBudget.TOTAL);
        List<Finding> out = WarningBudget.fit(in);
        assertTrue(total(out) <= WarningBudget.TOTAL, "total " + total(out));
        assertEquals(List.of(RuleId.O1, RuleId.P10), out.stream().map(Finding::rule).toList());
        Matcher uses = Pattern.compile("nodes will use ([^;]*)").matcher(out.get(0).message());
        int orders = 0;
        while (uses.find()) {
            orders++;
            assertEquals(6, uses.group(1).split(", ").length, "a merged order was cut: " + uses.group(1));
        }
        assertTrue(orders >= 1, out.get(0).message());
        assertTrue(out.stream().anyMatch(f -> f.message().contains(" more")), out::toString);
        assertEquals(out, WarningBudget.fit(in), "the same findings give the same warnings");
    }

    @Test
    void rulesThatNoLongerFitAreCountedInANote() {
        List<Finding> in = new ArrayList<>();
        RuleId[] rules = {RuleId.O1, RuleId.O2, RuleId.P7, RuleId.P9, RuleId.P10, RuleId.P12, RuleId.S7, RuleId.S9};
        for (int r = 0; r < rules.length; r++) {
            in.add(order(rules[r], r, 20));
        }
        List<Finding> out = WarningBudget.fit(in);
        assertTrue(total(out) <= WarningBudget.TOTAL, "total " + total(out));
        assertEquals(RuleId.O1, out.get(0).rule(), "the most important rule is kept");
        Finding note = out.get(out.size() - 1);
        assertTrue(note.message().contains("are not shown"), note.message());
        assertFalse(out.subList(0, out.size() - 1).stream().anyMatch(f -> f.message().contains("are not shown")));
    }
}
