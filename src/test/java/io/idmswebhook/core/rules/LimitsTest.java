package io.idmswebhook.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.view.ClusterView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule X3 at the rule book's limits: what oc-mirror writes passes, one more is denied by name. */
class LimitsTest {

    private final MirrorSetValidator validator = new MirrorSetValidator();

    private static MirrorSet ocMirror(int entries, int mirrorsEach) {
        List<MirrorEntry> list = new ArrayList<>(entries);
        for (int i = 0; i < entries; i++) {
            String repo = "ns-" + (i % 97) + "/operator-" + i;
            List<String> mirrors = new ArrayList<>();
            for (int m = 0; m < mirrorsEach; m++) {
                mirrors.add("mirror-" + m + ".corp.example:8443/" + repo);
            }
            list.add(new MirrorEntry(i, "registry.redhat.io/" + repo, mirrors, null));
        }
        return new MirrorSet(MirrorSetKind.IDMS, "oc-mirror", list);
    }

    @Test
    void tenThousandEntriesAreAllowedWithNothingToSay() {
        long start = System.nanoTime();
        Decision d = validator.validate(ocMirror(10_000, 2), null, ClusterView.OFF);
        long took = System.nanoTime() - start;
        assertTrue(d.allowed(), () -> d.statusMessage());
        assertEquals(List.of(), d.warnings());
        assertEquals(10_000, d.mergedOrders().size());
        System.out.printf("LimitsTest: core engine judged a 10,000-entry IDMS in %.1f ms%n", took / 1e6);
    }

    @Test
    void oneEntryMoreIsDeniedNamingTheLimit() {
        Decision d = validator.validate(ocMirror(10_001, 1), null, ClusterView.OFF);
        assertEquals(1, d.denials().size());
        assertEquals("spec.imageDigestMirrors: 10001 entries exceed the limit of 10000 per object;"
                + " split the entries across several objects [X3]", d.statusMessage());
    }

    @Test
    void moreThanTwentyThousandMirrorsAreDenied() {
        assertTrue(validator.validate(ocMirror(10_000, 2), null, ClusterView.OFF).allowed());
        Decision d = validator.validate(ocMirror(6_667, 3), null, ClusterView.OFF);
        assertEquals(RuleId.X3, d.denials().get(0).rule());
        assertTrue(d.statusMessage().contains("20001 mirrors exceed the limit of 20000 per object"), d.statusMessage());
    }

    @Test
    void aValueOverTheCharacterLimitIsDeniedAtItsField() {
        String mirror = "mirror.corp.example/" + "a".repeat(1_005);
        Decision d = validator.validate(new MirrorSet(MirrorSetKind.IDMS, "long", List.of(
                new MirrorEntry(0, "quay.io/ns", List.of("m.local/ns", mirror), null))), null, ClusterView.OFF);
        assertEquals(1, d.denials().size());
        String m = d.statusMessage();
        assertTrue(m.startsWith("spec.imageDigestMirrors[0].mirrors[1]: the value \"mirror.corp.example/aaa"), m);
        assertTrue(m.contains("is 1025 characters, over the limit of 1024 per value"), m);
        assertTrue(m.endsWith("[X3]"), m);
        assertTrue(validator.validate(new MirrorSet(MirrorSetKind.IDMS, "at-limit", List.of(
                new MirrorEntry(0, "quay.io/ns", List.of("m.local/ns", mirror.substring(1)), null))), null, ClusterView.OFF)
                .denials().stream().noneMatch(f -> f.rule() == RuleId.X3));
    }
}
