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
                new MirrorEntry(0, "quay.io/openshift-release-dev/ocp-release", List.of("m.local"), null),
                new MirrorEntry(1, "quay.io/ns", List.of("quay.io/ns", "m.local/ns"), "NeverContactSource"))),
                null, ClusterView.OFF);
        assertEquals(RuleId.P2, d.denials().get(0).rule());
        assertEquals(RuleId.P3, d.denials().get(1).rule());
    }

    @Test
    void aValueHoldingAQuoteReadsBack() {
        Decision d = one("quay.io/ns\"", List.of("m.local/ns"), null);
        String m = d.statusMessage();
        assertTrue(m.startsWith("spec.imageDigestMirrors[0].source: source \"quay.io/ns\\\"\" "), m);
        assertTrue(m.contains("has \"\\\"\" in the path component \"ns\\\"\""), m);
        assertTrue(!m.contains("\"\"\""), m);
    }

    @Test
    void neverContactSourceWithoutTheOtherKindIsOneWarningListingTheSources() {
        Decision d = validator.validate(new MirrorSet(MirrorSetKind.ITMS, "tags", List.of(
                new MirrorEntry(0, "quay.io/a", List.of("m.local/a"), "NeverContactSource"),
                new MirrorEntry(1, "quay.io/b", List.of("m.local/b"), "NeverContactSource"),
                new MirrorEntry(2, "quay.io/c", List.of("m.local/c"), "NeverContactSource"))), null, ClusterView.OFF);
        // N1 also warns: three new tag-only entries drain the nodes
        assertEquals(List.of(RuleId.P8, RuleId.N1), d.warnings().stream().map(Finding::rule).toList());
        assertEquals("spec.imageTagMirrors: NeverContactSource on \"quay.io/a\", \"quay.io/b\", \"quay.io/c\" also"
                + " blocks pulls by digest, and tag mirrors are not used for digests (ImageTagMirrorSet and"
                + " ImageDigestMirrorSet entries for one source share one registries.conf entry, blocked for both);"
                + " add ImageDigestMirrorSet entries for those sources if their digest pulls must work [P8]",
                d.warningMessages().get(0));
    }

    @Test
    void splitSourcesAreOneWarningWithEveryMergedOrder() {
        Decision d = validator.validate(new MirrorSet(MirrorSetKind.ICSP, "catalog", List.of(
                new MirrorEntry(0, "quay.io/a", List.of("m1.local/a"), null),
                new MirrorEntry(1, "quay.io/a", List.of("m2.local/a"), null),
                new MirrorEntry(2, "quay.io/same", List.of("m1.local/same"), null),
                new MirrorEntry(3, "quay.io/same", List.of("m1.local/same"), null),
                new MirrorEntry(4, "quay.io/b", List.of("m2.local/b"), null),
                new MirrorEntry(5, "quay.io/b", List.of("m1.local/b", "m2.local/b"), null))), null, ClusterView.OFF);
        List<Finding> o3 = d.warnings().stream().filter(f -> f.rule() == RuleId.O3).toList();
        assertEquals(1, o3.size(), d.warnings()::toString);
        String m = o3.get(0).message();
        assertTrue(m.contains("\"quay.io/a\" is split across 2 lists that differ: nodes will use m1.local/a, m2.local/a"), m);
        assertTrue(m.contains("\"quay.io/b\" is split across 2 lists that differ: nodes will use m1.local/b, m2.local/b"), m);
        assertTrue(!m.contains("quay.io/same"), "identical repeated lists are no finding: " + m);
    }

    @Test
    void hostOnlyMirrorSaysWhichPullFails() {
        Decision ns = one("registry.redhat.io/openshift4", List.of("brew.registry.redhat.io"), null);
        assertTrue(ns.allowed());
        assertEquals("spec.imageDigestMirrors[0].mirrors[0]: mirror \"brew.registry.redhat.io\" is host-only while"
                + " the source \"registry.redhat.io/openshift4\" has a path: pulls of repositories under it rewrite"
                + " fine, but pulls of exactly registry.redhat.io/openshift4 fail (registry.redhat.io/openshift4@sha256:..."
                + " rewrites to brew.registry.redhat.io@sha256:..., which is no valid image reference, so the pull"
                + " fails before any endpoint is tried); give the mirror the repository path, e.g."
                + " brew.registry.redhat.io/openshift4, if registry.redhat.io/openshift4 itself is a repository that"
                + " is pulled [P3]",
                ns.warningMessages().get(0));
        Decision release = one("quay.io/openshift-release-dev/ocp-v4.0-art-dev", List.of("mirror.local:5000"), null);
        assertTrue(release.statusMessage().contains("is a release payload repository"), release.statusMessage());
    }

    @Test
    void icspWritesAreToldTheKindIsDeprecated() {
        Decision d = validator.validate(new MirrorSet(MirrorSetKind.ICSP, "legacy", List.of(
                new MirrorEntry(0, "quay.io/ns", List.of("m.local/ns"), null))), null, ClusterView.OFF);
        assertEquals("kind: ImageContentSourcePolicy is deprecated since OpenShift 4.13"
                + " in favour of ImageDigestMirrorSet, which the nodes read the same way; run the linter's migrate"
                + " command (idms-lint migrate) to write the equivalent ImageDigestMirrorSet [M1]",
                String.join("\n", d.warningMessages()));
    }
}
