package io.idmswebhook.core.location;

import static io.idmswebhook.core.location.LocationParserDifferentialTest.quote;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Properties of the parser that hold for every input, not only for the grammar's verdict: it runs
 * on raw admission input, so it must never throw or stall, and the structure it returns is what the
 * rules read instead of the string, so it must describe the string exactly.
 */
class LocationParserPropertyTest {

    private static final long SEED = 0x5EED_0003L;

    @Test
    void neverThrowsOnArbitraryInput() {
        LocationStrings gen = new LocationStrings(SEED);
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            inputs.add(gen.anyChars(gen.next().length() + i % 40));
            inputs.add(gen.noise(i % 300));
            inputs.add(gen.mutate(gen.valid(), 1 + i % 8));
        }
        inputs.add(gen.anyChars(1_000_000));
        inputs.add("a".repeat(1_000_000));
        inputs.add("quay.io/" + "ns/".repeat(300_000) + "x");
        inputs.add("\uD800");
        inputs.add("\uDFFF\uD800");
        inputs.add("*");
        inputs.add("*.");
        inputs.add(":");
        inputs.add("/");
        inputs.add("@");
        inputs.add("://");
        for (String s : inputs) {
            for (LocationRole role : LocationRole.values()) {
                Supplier<String> where = () -> role.noun() + " " + quote(s.length() > 200 ? s.substring(0, 200) + "..." : s);
                ParsedLocation p = assertDoesNotThrow(() -> LocationParser.parse(s, role), where);
                assertNotNull(p);
                assertEquals(p.ok(), assertDoesNotThrow(() -> LocationParser.isValid(s, role), where), where);
            }
        }
        for (LocationRole role : LocationRole.values()) {
            ParsedLocation p = LocationParser.parse(null, role);
            assertFalse(p.ok());
            assertFalse(LocationParser.isValid(null, role));
            assertEquals(LocationProblem.Kind.EMPTY, p.problem().kind());
        }
    }

    /**
     * Inputs built to make a backtracking matcher explode (the CRD pattern through java.util.regex takes
     * about a minute on {@code "quay.io/" + "a".repeat(28) + "!"}), at 100,000 characters each. A linear
     * parser does all of them in milliseconds; the generous limit only turns a regression into a failure
     * instead of a hung build. The verdicts are compared with RE2/J (also linear) outside the guard.
     */
    @Test
    void adversarialLongInputsFinishAndAgreeWithThePatterns() {
        List<String> inputs = adversarialInputs(100_000);
        assertEquals(100, inputs.size());
        List<ParsedLocation> results = new ArrayList<>();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String s : inputs) {
                for (LocationRole role : LocationRole.values()) {
                    results.add(LocationParser.parse(s, role));
                }
            }
        }, "parsing 100 adversarial strings of ~100k characters must not hang");
        int i = 0;
        for (String s : inputs) {
            for (LocationRole role : LocationRole.values()) {
                ParsedLocation p = results.get(i++);
                boolean expected = CrdLocationPatterns.accepts(s, role);
                String head = quote(s.substring(0, Math.min(40, s.length())));
                assertEquals(expected, p.ok(), () -> role.noun() + " " + head + "... (length " + s.length()
                        + "): CRD pattern " + (expected ? "accepts" : "rejects") + ", parser "
                        + (p.ok() ? "accepts" : "rejects: " + p.problem()));
            }
        }
    }

    /** Ten shapes that each stress a different loop of a matcher, each with ten endings. */
    static List<String> adversarialInputs(int length) {
        String[] endings = {"!", "", "\n", "/", "-", "_", ":", "___", "A", "@x"};
        List<String> out = new ArrayList<>();
        for (String end : endings) {
            out.add(fill("quay.io/", "a", length) + end);
            out.add(fill("quay.io/", "a-", length) + "a" + end);
            out.add(fill("quay.io/", "a.b_c__d-e--f---g", length) + end);
            out.add(fill("quay.io/ns", "/a", length) + end);
            out.add(fill("", "a.", length) + "a" + end);
            out.add(fill("", "a-", length) + "a:5000/x" + end);
            out.add(fill("*.", "a.", length) + "a" + end);
            out.add(fill("quay.io:", "9", length) + end);
            out.add(fill("", "aA0-", length) + "a" + end);
            out.add(fill("quay.io/", "a_", length) + "a" + end);
        }
        return out;
    }

    private static String fill(String prefix, String unit, int length) {
        StringBuilder sb = new StringBuilder(length + 16).append(prefix);
        while (sb.length() + unit.length() <= length) {
            sb.append(unit);
        }
        return sb.toString();
    }

    /**
     * The rules and the defaulting read {@link Location} instead of the string, so an accepted string's
     * parts must put it back together byte for byte; a rejected one must always say what and how.
     */
    @Test
    void acceptedStringsRoundTripAndRejectedOnesExplainThemselves() {
        LocationStrings gen = new LocationStrings(SEED + 1);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 100_000; i++) {
            String s = gen.next();
            for (LocationRole role : LocationRole.values()) {
                ParsedLocation p = LocationParser.parse(s, role);
                if (p.ok()) {
                    accepted++;
                    assertRoundTrips(s, role, p);
                } else {
                    rejected++;
                    assertExplained(s, role, p);
                }
            }
        }
        assertTrue(accepted > 40_000 && rejected > 40_000, accepted + " accepted, " + rejected + " rejected");
    }

    private static void assertRoundTrips(String s, LocationRole role, ParsedLocation p) {
        Location l = p.location();
        String where = role.noun() + " " + quote(s) + " -> " + l;
        assertNull(p.problem(), where);
        assertEquals(s, l.raw(), where);
        assertFalse(l.host().isEmpty(), where);
        String rebuilt;
        if (l.wildcard()) {
            assertEquals(LocationRole.SOURCE, role, "a mirror parsed as a wildcard: " + where);
            assertNull(l.port(), where);
            assertTrue(l.path().isEmpty(), where);
            assertFalse(l.hasPath() || l.isBareHost(), where);
            assertEquals(l.host(), l.registry(), where);
            rebuilt = "*." + l.host();
        } else {
            StringBuilder sb = new StringBuilder(l.host());
            if (l.port() != null) {
                assertTrue(l.port().chars().allMatch(c -> c >= '0' && c <= '9') && !l.port().isEmpty(), where);
                sb.append(':').append(l.port());
            }
            for (String component : l.path()) {
                assertFalse(component.isEmpty() || component.contains("/"), where);
                sb.append('/').append(component);
            }
            rebuilt = sb.toString();
            assertEquals(l.port() == null ? l.host() : l.host() + ":" + l.port(), l.registry(), where);
            assertEquals(l.port() == null && l.path().isEmpty(), l.isBareHost(), where);
            assertEquals(!l.path().isEmpty(), l.hasPath(), where);
        }
        assertEquals(s, rebuilt, where);
    }

    private static void assertExplained(String s, LocationRole role, ParsedLocation p) {
        String where = role.noun() + " " + quote(s);
        if (p.location() != null) {
            fail("rejected but carries a location: " + where);
        }
        LocationProblem problem = p.problem();
        assertNotNull(problem, where);
        assertAll(where,
                () -> assertNotNull(problem.kind()),
                () -> assertTrue(problem.problem() != null && !problem.problem().isBlank(), "problem text"),
                () -> assertTrue(problem.fix() != null && !problem.fix().isBlank(), "fix text"));
    }
}
