package io.idmswebhook.core.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parser must accept exactly what the CRD patterns accept: otherwise the
 * webhook denies what the API server allows, or lets through what a cluster with an older or no
 * CRD (ICSP) would store and the nodes then mis-render. RE2/J stands in for Go's regexp.
 */
class LocationParserDifferentialTest {

    /** Fixed so that a disagreement found in CI reproduces on any machine. */
    static final long SEED = 0x1D35_2026L;
    static final int GENERATED = 200_000;

    /** Hand-picked strings on the grammar's edges, checked before the generated ones. */
    static final List<String> BOUNDARY = List.of(
            "", "a", "A", "0", "-", ".", "/", ":", "*", "*.", "*.a", "*.A-0", "*.a.b", "*.-a", "*.a-", "*.a..b",
            "*a", "**.a", "*.a:5", "*.a/b", "*.a.", "a*", "a.*", "quay.io", "quay.io.", ".quay.io", "quay..io",
            "quay.io:", "quay.io:0", "quay.io:99999999999", "quay.io:5000/", "quay.io:5000/ns", "quay.io::5000",
            "quay.io:5000:5000", "quay.io:a", ":5000", "/ns", "quay.io/ns", "quay.io/ns/", "quay.io//ns",
            "quay.io/Ns", "quay.io/n.s", "quay.io/n_s", "quay.io/n__s", "quay.io/n___s", "quay.io/n-s",
            "quay.io/n---s", "quay.io/n.-s", "quay.io/n-.s", "quay.io/n._s", "quay.io/n..s", "quay.io/.ns",
            "quay.io/ns.", "quay.io/-ns", "quay.io/ns-", "quay.io/_ns", "quay.io/ns_", "quay.io/ns:latest",
            "quay.io/ns@sha256:abc", "quay.io\n", "quay.io/ns\n", "\nquay.io", "quay.io\r", " quay.io",
            "quay.io ", "qu ay.io", "https://quay.io", "http://quay.io", "[::1]:5000", "[::1]", "quay.io/é",
            "quay.io/ns\u0000", "a-b.c-d", "a--b", "-a", "a-", "a_b", "A.B.C:1/x", "localhost", "localhost:5000",
            "127.0.0.1:5000/ns", "1.2.3.4.5", "999.999.999.999", "a/b/c/d/e/f", "a/b..c", "a:1/b:2");

    @Test
    void patternsKeepGoSemanticsOnTheEdgesThatMatter() {
        // Guards the oracle itself: if these fail, the comparison below proves nothing.
        assertTrue(CrdLocationPatterns.accepts("quay.io/ns", LocationRole.MIRROR));
        assertFalse(CrdLocationPatterns.accepts("quay.io/ns\n", LocationRole.SOURCE),
                "Go's $ without (?m) does not match before a trailing newline");
        assertFalse(CrdLocationPatterns.accepts("quay.io/ns\n", LocationRole.MIRROR));
        assertFalse(CrdLocationPatterns.accepts("x quay.io", LocationRole.MIRROR), "the search is anchored by ^");
        assertTrue(CrdLocationPatterns.accepts("*.example.com", LocationRole.SOURCE));
        assertFalse(CrdLocationPatterns.accepts("*.example.com", LocationRole.MIRROR));
        assertFalse(CrdLocationPatterns.accepts("*.example.com/ns", LocationRole.SOURCE));
        assertTrue(CrdLocationPatterns.accepts("quay.io/a---b", LocationRole.MIRROR));
        assertFalse(CrdLocationPatterns.accepts("quay.io/a___b", LocationRole.MIRROR));
    }

    @Test
    void parserAgreesWithTheCrdPatternsOnBoundaryStrings() {
        Comparison c = new Comparison();
        for (String s : BOUNDARY) {
            c.check(s);
        }
        c.assertNoDisagreement();
    }

    @Test
    void parserAgreesWithTheCrdPatternsOnGeneratedStrings() {
        LocationStrings gen = new LocationStrings(SEED);
        Comparison c = new Comparison();
        for (int i = 0; i < GENERATED; i++) {
            c.check(gen.next());
        }
        c.assertNoDisagreement();
        assertEquals(GENERATED, c.strings);
        // A generator drifting to all-accept or all-reject would make zero disagreements meaningless.
        for (LocationRole role : LocationRole.values()) {
            int accepted = c.accepted[role.ordinal()];
            assertTrue(accepted > GENERATED / 5 && accepted < GENERATED * 4 / 5,
                    role.noun() + ": " + accepted + " of " + GENERATED + " accepted; the mix lost its balance");
        }
        System.out.printf("differential: %d strings x 2 roles, accepted as source %d, as mirror %d, "
                        + "disagreements 0%n", c.strings, c.accepted[LocationRole.SOURCE.ordinal()],
                c.accepted[LocationRole.MIRROR.ordinal()]);
    }

    /**
     * Counts verdicts and keeps the first disagreements with enough detail to reproduce them. The
     * validity check is held to the parse's verdict on every string, since callers use it in its place.
     */
    static final class Comparison {
        private static final int SHOWN = 10;
        int strings;
        int disagreements;
        final int[] accepted = new int[LocationRole.values().length];
        final List<String> shown = new ArrayList<>();

        void check(String s) {
            strings++;
            for (LocationRole role : LocationRole.values()) {
                boolean expected = CrdLocationPatterns.accepts(s, role);
                ParsedLocation actual = LocationParser.parse(s, role);
                if (expected) {
                    accepted[role.ordinal()]++;
                }
                boolean valid = LocationParser.isValid(s, role);
                if (valid != actual.ok()) {
                    disagreements++;
                    if (shown.size() < SHOWN) {
                        shown.add(String.format("%s %s: parse %s, isValid %s", role.noun(), quote(s),
                                actual.ok() ? "accepts" : "rejects", valid ? "accepts" : "rejects"));
                    }
                }
                if (actual.ok() != expected) {
                    disagreements++;
                    if (shown.size() < SHOWN) {
                        shown.add(String.format("%s %s: CRD pattern %s, parser %s", role.noun(), quote(s),
                                expected ? "accepts" : "rejects",
                                actual.ok() ? "accepts" : "rejects (" + actual.problem().kind() + ": "
                                        + actual.problem().problem() + ")"));
                    }
                }
            }
        }

        void assertNoDisagreement() {
            assertEquals(0, disagreements, () -> disagreements + " disagreement(s) in " + strings
                    + " strings (seed " + Long.toHexString(SEED) + "), first ones:\n  " + String.join("\n  ", shown));
        }
    }

    /** Java-style quoting so whitespace, controls and non-ASCII are visible in a failure message. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
