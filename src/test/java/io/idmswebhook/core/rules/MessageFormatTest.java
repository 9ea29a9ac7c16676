package io.idmswebhook.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages name the field path, the value, what is wrong, the fix and the rule id, in one line. */
class MessageFormatTest {

    private final MirrorSetValidator validator = new MirrorSetValidator();

    private Decision one(String source, List<String> mirrors, String policy) {
        return validator.validate(new MirrorSet(MirrorSetKind.IDMS, "t",
                List.of(new MirrorEntry(0, source, mirrors, policy))), null, ClusterView.OFF);
    }

    @Test
    void portOutOfRange() {
        Decision d = one("quay.io/ns", List.of("m.local/ns", "m.local:65536/ns"), null);
        assertEquals("spec.imageDigestMirrors[0].mirrors[1]: mirror \"m.local:65536/ns\": port 65536 is outside"
                + " 1-65535; use a port from 1 to 65535 [S2]", d.statusMessage());
    }

    @Test
    void grammarFailureSaysWhichPart() {
        assertTrue(one("https://quay.io/ns", List.of("m.local/ns"), null).statusMessage()
                .startsWith("spec.imageDigestMirrors[0].source: source \"https://quay.io/ns\" has the scheme \"https://\""));
        assertTrue(one("quay.io/ns", List.of("m.local/NS"), null).statusMessage().contains("uppercase"));
        assertTrue(one("quay.io/ns", List.of("m.local/ns:v1"), null).statusMessage().contains("tag"));
        assertTrue(one("quay.io/ns", List.of("*.m.local"), null).statusMessage().contains("mirrors cannot be wildcards"));
        assertTrue(one("quay.io/ns/", List.of("m.local/ns"), null).statusMessage().contains("ends with \"/\""));
        assertTrue(one("http://quay.io/ns", List.of("m.local/ns"), null).statusMessage().contains("insecureRegistries"));
    }

    @Test
    void everyFindingEndsWithItsRuleTag() {
        Decision d = one("registry", List.of("registry", "localhost/ns", "Quay.IO/ns"), "Nope");
        for (Finding f : d.denials()) {
            assertTrue(f.message().endsWith(f.rule().tag()), f.message());
            assertTrue(f.message().startsWith("spec.imageDigestMirrors[0]"), f.message());
        }
        assertTrue(d.warnings().stream().allMatch(f -> f.message().endsWith(f.rule().tag())));
    }

    @Test
    void hostileValuesAreQuotedAndShortened() {
        String evil = "quay.io/ns\n[P1] forged line" + "a".repeat(300);
        Decision d = one(evil, List.of("m.local/ns"), null);
        assertTrue(d.statusMessage().lines().allMatch(l -> l.endsWith("]")), d.statusMessage());
        assertTrue(d.statusMessage().contains("\\n[P1] forged"), d.statusMessage());
    }

    @Test
    void mostImportantDenialComesFirst() {
        Decision d = validator.validate(new MirrorSet(MirrorSetKind.IDMS, "t", List.of(
                new MirrorEntry(0, "quay.io/a", List.of("m.local"), null),
                new MirrorEntry(1, "quay.io/ns", List.of("quay.io/ns", "m.local/ns"), "NeverContactSource"))),
                null, ClusterView.OFF);
        assertEquals(RuleId.P2, d.denials().get(0).rule());
        assertEquals(RuleId.P3, d.denials().get(1).rule());
    }
}
