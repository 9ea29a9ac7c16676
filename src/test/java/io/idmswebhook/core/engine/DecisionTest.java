package io.idmswebhook.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTest {

    @Test
    void ruleIdsAreListedOnceEachDenialsFirst() {
        Finding p1 = Finding.deny(RuleId.P1, "spec.a", "x", "p1", "fix");
        Finding s2 = Finding.deny(RuleId.S2, "spec.b", "x", "s2", "fix");
        Finding p8 = Finding.warn(RuleId.P8, "spec.c", "x", "p8", "fix");
        Finding s2w = Finding.warn(RuleId.S2, "spec.d", "x", "s2 again", "fix");
        assertEquals("P1,S2,P8", new Decision(List.of(p1, s2, p1), List.of(s2w, p8, p8), Map.of()).ruleIdList());
        assertEquals("", new Decision(List.of(), List.of(), Map.of()).ruleIdList());
    }

    @Test
    void warningsAreKeptWithinTheBudgetWhenTheDecisionIsMade() {
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(Finding.warn(RuleId.S7, "spec.imageDigestMirrors[" + i + "].mirrors[0]", "v" + i,
                    "mirror host " + "x".repeat(150) + i + " has uppercase letters", "write it in lowercase"));
        }
        Decision d = new Decision(List.of(), many, Map.of());
        assertEquals(1, d.warnings().size(), () -> d.warningMessages().toString());
        assertTrue(d.warningMessages().get(0).length() <= WarningBudget.TOTAL);
        assertEquals(d.warnings().get(0).message(), d.warningMessages().get(0));
    }

    @Test
    void statusMessageHasOneDenialPerLine() {
        Finding a = Finding.deny(RuleId.S2, "spec.imageDigestMirrors[0].mirrors[1]", "a:0", "port 0 is outside 1-65535",
                "use a port from 1 to 65535");
        Finding b = Finding.deny(RuleId.P1, "spec.imageDigestMirrors[1].mirrorSourcePolicy", "b", "policy without mirror",
                "add a mirror");
        Decision d = new Decision(List.of(a, b), List.of(), Map.of());
        assertEquals("spec.imageDigestMirrors[0].mirrors[1]: port 0 is outside 1-65535; use a port from 1 to 65535 [S2]\n"
                + "spec.imageDigestMirrors[1].mirrorSourcePolicy: policy without mirror; add a mirror [P1]", d.statusMessage());
    }
}
