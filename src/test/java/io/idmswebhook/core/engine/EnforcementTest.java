package io.idmswebhook.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.view.ClusterView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnforcementTest {

    /** P1: a policy without a mirror (DENY). */
    static final MirrorEntry POLICY_WITHOUT_MIRROR = new MirrorEntry(0, "quay.io/app", List.of(), "NeverContactSource");
    /** S9 (WARN): a mirror on the node itself. */
    static final MirrorEntry LOCAL_MIRROR = new MirrorEntry(1, "quay.io/ns", List.of("localhost:5000/ns"), null);

    static MirrorSet idms(String name, MirrorEntry... entries) {
        return new MirrorSet(MirrorSetKind.IDMS, name, List.of(entries));
    }

    static Decision validate(Enforcement e, MirrorSet object, MirrorSet old) {
        return new MirrorSetValidator(Limits.DEFAULT, e).validate(object, old, ClusterView.OFF);
    }

    static List<RuleId> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    @Test
    void theDefaultIsTheRuleBook() {
        Decision d = validate(Enforcement.DEFAULT, idms("a", POLICY_WITHOUT_MIRROR, LOCAL_MIRROR), null);
        assertEquals(List.of(RuleId.P1), rules(d.denials()));
        assertTrue(d.wouldDeny().isEmpty());
        assertTrue(rules(d.warnings()).contains(RuleId.S9));
    }

    @Test
    void warnModeAllowsAndSaysWhatWouldBeDenied() {
        Enforcement warn = new Enforcement(Enforcement.Mode.WARN, Map.of());
        Decision d = validate(warn, idms("a", POLICY_WITHOUT_MIRROR, LOCAL_MIRROR), null);
        assertTrue(d.allowed());
        assertEquals(List.of(RuleId.P1), rules(d.wouldDeny()));
        List<String> shown = d.warningMessages();
        assertTrue(shown.get(0).startsWith("would deny: spec.imageDigestMirrors[0].mirrorSourcePolicy: "), shown.get(0));
        assertTrue(shown.get(0).endsWith("[P1]"), shown.get(0));
        assertTrue(shown.stream().skip(1).noneMatch(w -> w.startsWith("would deny")), shown::toString);
        assertEquals("P1", d.wouldDenyIdList());
        assertTrue(d.ruleIdList().startsWith("P1,"), d.ruleIdList());
    }

    @Test
    void aRuleLoweredToWarnIsAWouldBeDenialAndTheOthersStillDeny() {
        MirrorEntry badPort = new MirrorEntry(2, "quay.io/other", List.of("mirror.corp.example:99999/other"), null);
        Enforcement e = new Enforcement(Enforcement.Mode.DENY, Map.of(RuleId.P1, Enforcement.Action.WARN));
        Decision d = validate(e, idms("a", POLICY_WITHOUT_MIRROR, badPort), null);
        assertEquals(List.of(RuleId.S2), rules(d.denials()));
        assertEquals(List.of(RuleId.P1), rules(d.wouldDeny()));
    }

    @Test
    void offDropsTheRulesFindingsWhateverTheirVerdict() {
        Enforcement e = new Enforcement(Enforcement.Mode.DENY,
                Map.of(RuleId.P1, Enforcement.Action.OFF, RuleId.S9, Enforcement.Action.OFF));
        Decision d = validate(e, idms("a", POLICY_WITHOUT_MIRROR, LOCAL_MIRROR), null);
        assertTrue(d.allowed(), d::toString);
        assertFalse(d.ruleIdList().contains("P1"), d::toString);
        assertFalse(d.ruleIdList().contains("S9"), d::toString);
    }

    @Test
    void denyMakesAWarningRuleDeny() {
        Enforcement e = new Enforcement(Enforcement.Mode.DENY, Map.of(RuleId.S9, Enforcement.Action.DENY));
        Decision d = validate(e, idms("a", LOCAL_MIRROR), null);
        assertEquals(List.of(RuleId.S9), rules(d.denials()));
        assertTrue(d.statusMessage().endsWith("[S9]"), d.statusMessage());
    }

    @Test
    void warnModeStillShowsWhatARaisedRuleWouldDeny() {
        Enforcement e = new Enforcement(Enforcement.Mode.WARN, Map.of(RuleId.S9, Enforcement.Action.DENY));
        Decision d = validate(e, idms("a", LOCAL_MIRROR), null);
        assertTrue(d.allowed());
        assertEquals(List.of(RuleId.S9), rules(d.wouldDeny()));
    }

    @Test
    void aRaisedRuleStillExcusesWhatTheOldObjectAlreadyHad() {
        Enforcement e = new Enforcement(Enforcement.Mode.DENY, Map.of(RuleId.S9, Enforcement.Action.DENY));
        MirrorSet old = idms("a", LOCAL_MIRROR);
        MirrorEntry added = new MirrorEntry(0, "quay.io/added", List.of("mirror.corp.example/added"), null);
        Decision unrelatedEdit = validate(e, idms("a", added, new MirrorEntry(1, "quay.io/ns",
                List.of("localhost:5000/ns"), null)), old);
        assertTrue(unrelatedEdit.allowed(), unrelatedEdit::toString);
        assertTrue(unrelatedEdit.wouldDeny().isEmpty(), "an excused mistake would not be denied either");
        assertTrue(rules(unrelatedEdit.warnings()).contains(RuleId.S9));

        MirrorEntry newMistake = new MirrorEntry(0, "quay.io/other", List.of("localhost:5000/other"), null);
        Decision introduced = validate(e, idms("a", newMistake, LOCAL_MIRROR), old);
        assertEquals(List.of(RuleId.S9), rules(introduced.denials()), introduced::toString);
    }

    @Test
    void applyJudgesADecisionTheValidatorDidNotMake() {
        Finding x4 = Finding.deny(RuleId.X4, "spec", "", "spec is a string", "write an object");
        Finding x1 = Finding.warn(RuleId.X1, "request.kind", "Foo", "not a kind this webhook checks", "fix it");
        Decision warnMode = new Enforcement(Enforcement.Mode.WARN, Map.of()).apply(Decision.deny(x4));
        assertTrue(warnMode.allowed());
        assertEquals(List.of(x4), warnMode.wouldDeny());
        Decision raised = new Enforcement(Enforcement.Mode.DENY, Map.of(RuleId.X1, Enforcement.Action.DENY))
                .apply(new Decision(List.of(), List.of(x1), Map.of()));
        assertEquals(List.of(RuleId.X1), rules(raised.denials()));
        Decision same = Enforcement.DEFAULT.apply(Decision.deny(x4));
        assertEquals(List.of(x4), same.denials());
    }

    @Test
    void anUnavailableClusterCanBeMadeToDeny() {
        Enforcement e = new Enforcement(Enforcement.Mode.DENY, Map.of(RuleId.X2, Enforcement.Action.DENY));
        Decision d = new MirrorSetValidator(Limits.DEFAULT, e)
                .validate(idms("a", new MirrorEntry(0, "quay.io/a", List.of("mirror.corp.example/a"), null)), null,
                        ClusterView.UNAVAILABLE);
        assertEquals(List.of(RuleId.X2), rules(d.denials()));
    }

    @Test
    void settingsAreReadInAnyLetterCase() {
        assertEquals(Enforcement.Mode.WARN, Enforcement.parseMode("idms.enforcement.mode", " Warn"));
        assertEquals(Enforcement.Action.OFF, Enforcement.parseAction("idms.enforcement.rules.S10", "OFF"));
        assertEquals(RuleId.P3, Enforcement.parseRule("idms.enforcement.rules.p3", "p3", "deny"));
    }

    @Test
    void badSettingsNameTheKeyTheValueAndTheValidOnes() {
        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> Enforcement.parseMode("idms.enforcement.mode", "dryrun"));
        assertEquals("idms.enforcement.mode=\"dryrun\" is not an enforcement mode; use deny or warn", mode.getMessage());
        IllegalArgumentException action = assertThrows(IllegalArgumentException.class,
                () -> Enforcement.parseAction("idms.enforcement.rules.P3", "block"));
        assertEquals("idms.enforcement.rules.P3=\"block\" is not a rule setting; use deny, warn or off",
                action.getMessage());
        IllegalArgumentException rule = assertThrows(IllegalArgumentException.class,
                () -> Enforcement.parseRule("idms.enforcement.rules.P99", "P99", "warn"));
        assertTrue(rule.getMessage().startsWith("idms.enforcement.rules.P99=\"warn\": \"P99\" is not a rule id of the rule book; use one of S1, S2,"),
                rule.getMessage());
        assertTrue(rule.getMessage().contains("P3") && !rule.getMessage().contains("D1"), rule.getMessage());
        IllegalArgumentException defaulting = assertThrows(IllegalArgumentException.class,
                () -> Enforcement.parseRule("idms.enforcement.rules.D2", "D2", "off"));
        assertTrue(defaulting.getMessage().contains("D2 is a defaulting change"), defaulting.getMessage());
    }
}
