package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scan against the CRD's own regular expressions, which the operator applies before it renders. */
class CrdLocationPatternTest {

    private static final String LABEL = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String HOST_AND_PATH = "^(" + LABEL + "(?:(?:\\." + LABEL + ")+)?(?::[0-9]+)?)"
            + "(?:(?:/[a-z0-9]+(?:(?:(?:[._]|__|[-]*)[a-z0-9]+)+)?)+)?$";
    private static final Pattern SOURCE = Pattern.compile("^\\*(?:\\." + LABEL + ")+$|" + HOST_AND_PATH);
    private static final Pattern MIRROR = Pattern.compile(HOST_AND_PATH);

    /** Strings from the characters that decide the grammar, so that most near misses are generated. */
    private static final String ALPHABET = "aZ09-._:/*";

    @Test
    void agreesWithTheCrdRegexOnGeneratedStrings() {
        Random random = new Random(20261202L);
        int sources = 0;
        int mirrors = 0;
        for (int n = 0; n < 300_000; n++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String s = b.toString();
            boolean source = SOURCE.matcher(s).matches();
            boolean mirror = MIRROR.matcher(s).matches();
            assertEquals(source, CrdLocationPattern.source(s), () -> "source " + s);
            assertEquals(mirror, CrdLocationPattern.mirror(s), () -> "mirror " + s);
            sources += source ? 1 : 0;
            mirrors += mirror ? 1 : 0;
        }
        // enough of both answers for the comparison to mean something
        assertTrue(sources > 5_000, "valid sources generated: " + sources);
        assertTrue(mirrors > 5_000, "valid mirrors generated: " + mirrors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry.redhat.io/openshift4/ose-cli", "mirror.corp.example.com:8443/olm/rhel9/app",
        "localhost", "Quay.IO:5000", "r.io/a__b/c--d/e.f_g", "10.0.0.1:5000/a/b"})
    void validLocations(String location) {
        assertTrue(CrdLocationPattern.source(location));
        assertTrue(CrdLocationPattern.mirror(location));
        assertEquals(SOURCE.matcher(location).matches(), CrdLocationPattern.source(location));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "r.io/", "r.io:", "r.io:/a", "-r.io", "r-.io", "r.io/A", "r.io/a___b", "r.io/a-",
        "r.io/a._b", "r..io", "r.io/a\n", "r.io/a//b", "https://r.io", "r.io@sha256:0"})
    void invalidLocations(String location) {
        assertFalse(CrdLocationPattern.source(location));
        assertFalse(CrdLocationPattern.mirror(location));
    }

    @Test
    void wildcardsAreSourcesOnly() {
        assertTrue(CrdLocationPattern.source("*.example.com"));
        assertFalse(CrdLocationPattern.mirror("*.example.com"));
        assertFalse(CrdLocationPattern.source("*"));
        assertFalse(CrdLocationPattern.source("*.example.com/path"));
        assertFalse(CrdLocationPattern.source("*.example.com:5000"));
        assertFalse(CrdLocationPattern.source("*example.com"));
    }
}
