package io.idmswebhook.core.defaulting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.Limits;
import io.idmswebhook.core.rules.RuleId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DefaulterTest {

    private static final Defaulter PLAIN = new Defaulter(false);
    private static final Defaulter EXPLICIT = new Defaulter(true);

    private static MirrorSet idms(MirrorEntry... entries) {
        return new MirrorSet(MirrorSetKind.IDMS, "x", Arrays.asList(entries));
    }

    private static MirrorEntry entry(int index, String source, String policy, String... mirrors) {
        return new MirrorEntry(index, source, List.of(mirrors), policy);
    }

    private static String mirror0(Defaulted d) {
        return d.repaired().entries().get(0).mirrors().get(0);
    }

    static Stream<Arguments> repairs() {
        return Stream.of(
                Arguments.of("quay.io/ns\n", "quay.io/ns", List.of(RuleId.D1)),
                Arguments.of("  quay.io/ns\t", "quay.io/ns", List.of(RuleId.D1)),
                Arguments.of("quay.io/ns/", "quay.io/ns", List.of(RuleId.D2)),
                Arguments.of("quay.io/ns//", "quay.io/ns", List.of(RuleId.D2)),
                Arguments.of("quay.io/", "quay.io", List.of(RuleId.D2)),
                Arguments.of("https://quay.io/ns", "quay.io/ns", List.of(RuleId.D3)),
                Arguments.of("HTTPS://quay.io/ns", "quay.io/ns", List.of(RuleId.D3)),
                Arguments.of(" https://quay.io:8443/ns/\n", "quay.io:8443/ns", List.of(RuleId.D1, RuleId.D3, RuleId.D2)),
                Arguments.of("https://Quay.IO/ns/", "Quay.IO/ns", List.of(RuleId.D3, RuleId.D2)));
    }

    @ParameterizedTest
    @MethodSource("repairs")
    void repairsOneValueInRuleOrderAndKeepsCaseAndPort(String raw, String repaired, List<RuleId> rules) {
        Defaulted d = PLAIN.apply(idms(entry(0, "src.example.net", null, raw)), null);
        assertEquals(repaired, mirror0(d));
        assertEquals(rules, d.changes().stream().map(Normalisation::rule).toList());
        assertEquals(raw, d.changes().get(0).oldValue());
        assertEquals(repaired, d.changes().get(d.changes().size() - 1).newValue());
        for (Normalisation n : d.changes()) {
            assertEquals("/spec/imageDigestMirrors/0/mirrors/0", n.pointer());
            assertEquals("spec.imageDigestMirrors[0].mirrors[0]", n.path());
        }
        assertTrue(d.allowed(), () -> d.denials().toString());
    }

    static Stream<Arguments> leftAlone() {
        return Stream.of(
                Arguments.of("http://quay.io/ns", "scheme"),
                Arguments.of("HTTP://quay.io/ns", "scheme"),
                Arguments.of("https://https://quay.io/ns", "scheme"),
                Arguments.of("https:// quay.io/ns", "inner whitespace"),
                Arguments.of("quay.io/ns/ /", "whitespace"),
                Arguments.of("https://", "scheme"),
                Arguments.of("/", "empty host"),
                Arguments.of("quay.io//ns", "empty path component"),
                Arguments.of("quay.io/NS", "uppercase"));
    }

    @ParameterizedTest
    @MethodSource("leftAlone")
    void leavesUnrepairableValuesAsWrittenAndDeniesWithTheSRuleMessage(String raw, String problem) {
        Defaulted d = PLAIN.apply(idms(entry(0, "src.example.net", null, raw)), null);
        assertEquals(raw, mirror0(d));
        assertTrue(d.changes().stream().noneMatch(n -> n.path().endsWith("mirrors[0]")), d.changes()::toString);
        assertEquals(1, d.denials().size(), d.denials()::toString);
        Finding f = d.denials().get(0);
        assertEquals(RuleId.S1, f.rule());
        assertEquals("spec.imageDigestMirrors[0].mirrors[0]", f.path());
        assertTrue(f.message().contains(problem), f.message());
    }

    @Test
    void httpIsDeniedWithTheInsecureRegistriesAdvice() {
        Defaulted d = PLAIN.apply(idms(entry(0, "http://quay.io/ns", null, "mirror.example.net/ns")), null);
        assertEquals(List.of(), d.changes());
        assertTrue(d.denials().get(0).message().contains("insecureRegistries"), d.denials()::toString);
    }

    @Test
    void deniesOnTheRepairedValueAtThePositionAsWritten() {
        Defaulted d = PLAIN.apply(idms(entry(0, "quay.io/ns", null, "m.example.net/a", "m.example.net/a/",
                "https://m.example.net/NS/")), null);
        assertEquals(List.of("m.example.net/a", "m.example.net/NS"), d.repaired().entries().get(0).mirrors());
        assertEquals(1, d.denials().size());
        Finding f = d.denials().get(0);
        assertEquals("spec.imageDigestMirrors[0].mirrors[2]", f.path());
        assertTrue(f.message().contains("\"m.example.net/NS\""), f.message());
    }

    @Test
    void removesRepeatsAfterRepairKeepingTheFirst() {
        Defaulted d = PLAIN.apply(idms(entry(0, "quay.io/ns", null, "b.example.net/ns/", "a.example.net/ns",
                "b.example.net/ns", " a.example.net/ns\n", "B.example.net/ns")), null);
        assertEquals(List.of("b.example.net/ns", "a.example.net/ns", "B.example.net/ns"),
                d.repaired().entries().get(0).mirrors());
        List<Normalisation> removals = d.changes().stream().filter(Normalisation::removal).toList();
        assertEquals(List.of("/spec/imageDigestMirrors/0/mirrors/2", "/spec/imageDigestMirrors/0/mirrors/3"),
                removals.stream().map(Normalisation::pointer).toList());
        assertEquals(" a.example.net/ns\n", removals.get(1).oldValue());
        assertEquals("removed repeated mirror spec.imageDigestMirrors[0].mirrors[3] \" a.example.net/ns\\n\" [D4]",
                removals.get(1).message());
        // The trim of the removed value is not reported: only the removal is.
        assertEquals(List.of(RuleId.D2, RuleId.D4, RuleId.D4), d.changes().stream().map(Normalisation::rule).toList());
        assertTrue(d.allowed());
    }

    @Test
    void icspRepeatsStayAndAreNotDenied() {
        MirrorSet icsp = new MirrorSet(MirrorSetKind.ICSP, "x",
                List.of(entry(0, "quay.io/ns", null, "a.example.net/ns", "a.example.net/ns/", "bad host")));
        Defaulted d = PLAIN.apply(icsp, null);
        assertEquals(List.of("a.example.net/ns", "a.example.net/ns", "bad host"), d.repaired().entries().get(0).mirrors());
        assertEquals(List.of(RuleId.D2), d.changes().stream().map(Normalisation::rule).toList());
        assertTrue(d.allowed(), "ICSP has no schema patterns: the validating webhook denies, not /mutate");
    }

    @Test
    void explicitPolicyOnlyWhenConfiguredUnsetAndARealMirrorExists() {
        MirrorSet set = idms(entry(0, "quay.io/a", null, "m.example.net/a"),
                entry(1, "quay.io/b", null, "quay.io/b/"),
                entry(2, "quay.io/c", "NeverContactSource", "m.example.net/c"),
                entry(3, "quay.io/d", null));
        assertEquals(List.of(RuleId.D2), PLAIN.apply(set, null).changes().stream().map(Normalisation::rule).toList());
        Defaulted d = EXPLICIT.apply(set, null);
        List<Normalisation> d5 = d.changes().stream().filter(n -> n.rule() == RuleId.D5).toList();
        assertEquals(1, d5.size());
        assertEquals("/spec/imageDigestMirrors/0/mirrorSourcePolicy", d5.get(0).pointer());
        assertTrue(d5.get(0).addition());
        assertEquals("normalised spec.imageDigestMirrors[0].mirrorSourcePolicy from unset to \"AllowContactingSource\" [D5]",
                d5.get(0).message());
        assertEquals("AllowContactingSource", d.repaired().entries().get(0).policy());
        MirrorSet icsp = new MirrorSet(MirrorSetKind.ICSP, "x", List.of(entry(0, "quay.io/a", null, "m.example.net/a")));
        assertFalse(EXPLICIT.apply(icsp, null).changed(), "ICSP has no policy field");
    }

    @Test
    void policyIsTrimmedAndAnUnknownOneDenied() {
        Defaulted d = PLAIN.apply(idms(entry(0, "quay.io/a", "NeverContactSource\n", "m.example.net/a"),
                entry(1, "quay.io/b", "Never", "m.example.net/b")), null);
        assertEquals("NeverContactSource", d.repaired().entries().get(0).policy());
        assertEquals(RuleId.D1, d.changes().get(0).rule());
        assertEquals(List.of(RuleId.S5), d.denials().stream().map(Finding::rule).toList());
        assertEquals("spec.imageDigestMirrors[1].mirrorSourcePolicy", d.denials().get(0).path());
    }

    @Test
    void deniesOnlySchemaRulesNeverWarningsOrOtherDenials() {
        Defaulted d = PLAIN.apply(idms(entry(0, "registry/ns", "NeverContactSource", "quay.io:99999/ns",
                "localhost/ns", "Quay.io/ns"), entry(1, "quay.io/x", "AllowContactingSource")), null);
        assertTrue(d.allowed(), () -> "S4, S2, S9, S7, P1 are /validate's: " + d.denials());
    }

    @Test
    void ratchetsDenialsTheOldObjectAlreadyHad() {
        MirrorSet old = idms(entry(0, "quay.io/ns", null, "m.example.net/NS"));
        MirrorSet now = idms(entry(0, "quay.io/ns", null, "m.example.net/NS/", "m.example.net/OTHER"));
        Defaulted d = PLAIN.apply(now, old);
        assertEquals(1, d.denials().size());
        assertTrue(d.denials().get(0).message().contains("OTHER"));
        assertEquals(2, PLAIN.apply(now, null).denials().size());
    }

    @Test
    void idempotent() {
        MirrorSet set = idms(entry(0, " https://quay.io/ns/ ", null, "https://m.example.net/ns//", "m.example.net/ns",
                "http://x.example.net", "n.example.net/ns\n"), entry(1, "*.example.com/", "AllowContactingSource \t", "m.example.net/x"));
        Defaulted once = EXPLICIT.apply(set, null);
        assertTrue(once.changed());
        Defaulted twice = EXPLICIT.apply(once.repaired(), null);
        assertEquals(List.of(), twice.changes());
        assertSame(once.repaired(), twice.repaired());
        // Positions move once a repeat is gone; what is denied does not.
        assertEquals(once.denials().stream().map(Finding::ratchetKey).toList(),
                twice.denials().stream().map(Finding::ratchetKey).toList());
    }

    @Test
    void nothingToChangeReturnsTheSameObject() {
        MirrorSet set = idms(entry(0, "quay.io/ns", null, "m.example.net/ns"));
        Defaulted d = PLAIN.apply(set, null);
        assertSame(set, d.repaired());
        assertFalse(d.changed());
        assertTrue(d.allowed());
    }

    @Test
    void overTheLimitsIsLeftToTheValidatingWebhook() {
        Defaulter small = new Defaulter(false, new Limits(1, 100, 100, 1024));
        MirrorSet set = idms(entry(0, "quay.io/a/", null), entry(1, "quay.io/NS", null));
        Defaulted d = small.apply(set, null);
        assertFalse(d.changed());
        assertTrue(d.allowed());
    }

    @Test
    void warningFindingRendersTheSameTextAsTheChange() {
        Normalisation n = new Normalisation(RuleId.D2, "/spec/imageDigestMirrors/0/mirrors/1",
                "spec.imageDigestMirrors[0].mirrors[1]", "a/", "a");
        assertEquals("normalised spec.imageDigestMirrors[0].mirrors[1] from \"a/\" to \"a\" [D2]", n.message());
        assertEquals(n.message(), n.asWarning().message());
    }
}
