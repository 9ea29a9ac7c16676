package io.idmswebhook.core.nodes;

import static io.idmswebhook.core.nodes.DrainDecisionTest.idms;
import static io.idmswebhook.core.nodes.DrainDecisionTest.itms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.MirrorSetIndex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules N1 and N2 as reviews get them: CREATE, UPDATE and DELETE against a cluster view. */
class NodeImpactTest {

    private final MirrorSetValidator validator = new MirrorSetValidator();

    static ClusterView cluster(MirrorSet... sets) {
        return MirrorSetIndex.of(List.of(sets), ImageConfig.NONE);
    }

    static List<Finding> rule(Decision d, RuleId id) {
        return d.warnings().stream().filter(f -> f.rule() == id).toList();
    }

    @Test
    void creatingADigestMirrorSetReloadsWithoutADrain() {
        Decision d = validator.validate(idms("new", "registry.redhat.io", null, "m.example.net/rh"), null,
                cluster(idms("a", "quay.io/ns", null, "m.example.net/ns")));
        assertTrue(d.allowed());
        assertEquals(List.of(), rule(d, RuleId.N1));
    }

    @Test
    void creatingATagMirrorSetDrainsEveryNode() {
        Decision d = validator.validate(itms("t", "quay.io/ns", "t.example.net/ns"), null,
                cluster(idms("a", "quay.io/ns", null, "m.example.net/ns")));
        assertTrue(d.allowed());
        List<Finding> n1 = rule(d, RuleId.N1);
        assertEquals(1, n1.size(), d.warnings().toString());
        String message = n1.get(0).message();
        assertTrue(message.contains("adds mirror t.example.net/ns to quay.io/ns"), message);
        assertTrue(message.startsWith("spec: every node of every pool will be drained"), message);
        assertTrue(message.contains("image-registry-override-drain"), message);
        assertTrue(message.endsWith("[N1]"), message);
    }

    @Test
    void removingTheLastMirrorOfASourceIsN1AndN2() {
        MirrorSet before = idms("a", "quay.io/ns", null, "m.example.net/ns");
        MirrorSet after = new MirrorSet(MirrorSetKind.IDMS, "a",
                List.of(new MirrorEntry(0, "registry.redhat.io", List.of("m.example.net/rh"), null)));
        Decision d = validator.validate(after, before, cluster(before));
        assertTrue(rule(d, RuleId.N1).get(0).message().contains("removes the entry quay.io/ns"), d.warnings().toString());
        String n2 = rule(d, RuleId.N2).get(0).message();
        assertTrue(n2.contains("no mirror left for quay.io/ns (digest pulls now go to the source itself)"), n2);
    }

    @Test
    void deletingAnObjectWithMirrorsIsJudgedNeverDenied() {
        MirrorSet gone = idms("a", "quay.io/ns", "NeverContactSource", "m.example.net/ns");
        MirrorSet tags = new MirrorSet(MirrorSetKind.ITMS, "t",
                List.of(new MirrorEntry(0, "quay.io/ns", List.of("t.example.net/ns"), "NeverContactSource")));
        Decision d = validator.validateDelete(gone, cluster(gone, tags));
        assertTrue(d.allowed());
        assertTrue(rule(d, RuleId.N1).get(0).message().contains("removes mirror m.example.net/ns from quay.io/ns"),
                d.warnings().toString());
        // the source stays blocked by the tag mirror set: digest pulls now have no endpoint at all
        assertTrue(rule(d, RuleId.N2).get(0).message().contains("quay.io/ns (digest pulls fail"), d.warnings().toString());
        assertFalse(rule(d, RuleId.N2).get(0).message().startsWith("spec"), "a DELETE has no field path");
    }

    @Test
    void aDeleteWhileTheOperatorAlreadyRefusesIsNotJudged() {
        // NeverContactSource against an unset policy for one source: the operator renders nothing now
        MirrorSet gone = idms("a", "quay.io/ns", "NeverContactSource", "m.example.net/ns");
        Decision d = validator.validateDelete(gone, cluster(gone, itms("t", "quay.io/ns", "t.example.net/ns")));
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void aDeleteTheMergeAbsorbsReachesNoNode() {
        MirrorSet a = idms("a", "quay.io/ns", null, "m.example.net/ns");
        MirrorSet twin = idms("b", "quay.io/ns", null, "m.example.net/ns");
        assertEquals(List.of(), validator.validateDelete(a, cluster(a, twin)).warnings());
    }

    @Test
    void aConflictThatOnlyTheOperatorSeesIsDeniedWithItsReason() {
        // the operator compares the policies of every entry, mirrors or not
        MirrorSet noMirrors = new MirrorSet(MirrorSetKind.ICSP, "plain",
                List.of(new MirrorEntry(0, "quay.io/ns", List.of(), null)));
        Decision d = validator.validate(idms("a", "quay.io/ns", "NeverContactSource", "m.example.net/ns"), null,
                cluster(noMirrors));
        assertFalse(d.allowed());
        Finding p4 = d.denials().stream().filter(f -> f.rule() == RuleId.P4).findFirst().orElseThrow();
        assertTrue(p4.message().contains("conflicting mirrorSourcePolicy is set for the same source \"quay.io/ns\""),
                p4.message());
    }

    @Test
    void withoutAClusterTheObjectIsJudgedAloneAndTheAnswerSaysSo() {
        for (ClusterView none : List.of(ClusterView.OFF, ClusterView.UNAVAILABLE)) {
            Decision d = validator.validate(itms("t", "quay.io/ns", "t.example.net/ns"), null, none);
            assertTrue(d.allowed(), d.toString());
            List<Finding> n1 = rule(d, RuleId.N1);
            assertEquals(1, n1.size(), d.toString());
            String message = n1.get(0).message();
            assertTrue(message.startsWith("spec: every node of every pool will be drained, judging by this object"
                    + " alone (the other mirror sets were not read"), message);
            assertTrue(message.contains("adds quay.io/ns with tag-only mirror t.example.net/ns"), message);
        }
    }

    @Test
    void theClusterTellsWhenTheSameEntriesAreAlreadyOnTheNodes() {
        MirrorSet twin = itms("twin", "quay.io/ns", "t.example.net/ns");
        MirrorSet written = itms("t", "quay.io/ns", "t.example.net/ns");
        Decision on = validator.validate(written, null, cluster(twin));
        assertEquals(List.of(), rule(on, RuleId.N1), "the file does not change, no node drains: " + on);

        MirrorSet before = idms("a", "quay.io/ns", null, "m.example.net/ns");
        MirrorSet after = new MirrorSet(MirrorSetKind.IDMS, "a", List.of(new MirrorEntry(0, "registry.redhat.io",
                List.of("m.example.net/rh"), null)));
        Decision kept = validator.validate(after, before, cluster(before, idms("b", "quay.io/ns", null, "m.example.net/ns")));
        assertEquals(List.of(), rule(kept, RuleId.N1), kept.toString());
        assertEquals(List.of(), rule(kept, RuleId.N2), "object b keeps the mirror: " + kept);

        Decision alone = validator.validate(after, before, ClusterView.OFF);
        List<Finding> n2 = rule(alone, RuleId.N2);
        assertEquals(1, n2.size(), alone.toString());
        assertTrue(n2.get(0).message().contains("judging by this object alone (other mirror sets, not read, may still"
                + " have mirrors for it)"), n2.get(0).message());
        assertTrue(alone.allowed() && kept.allowed());
    }
}
