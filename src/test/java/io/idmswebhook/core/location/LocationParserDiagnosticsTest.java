package io.idmswebhook.core.location;

import static io.idmswebhook.core.location.LocationParserDifferentialTest.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.idmswebhook.core.location.LocationProblem.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule S1 must say which part of a location is wrong (rule book section 1), so a rejected string
 * must land on the kind that names its actual mistake, and the text must show the offending part.
 */
class LocationParserDiagnosticsTest {

    private static final LocationRole S = LocationRole.SOURCE;
    private static final LocationRole M = LocationRole.MIRROR;

    /** value, role, expected kind, a fragment the problem text must contain (case-insensitive). */
    static Stream<Arguments> cases() {
        String digest = "@sha256:" + "0123456789abcdef".repeat(4);
        return Stream.of(
                row("", S, Kind.EMPTY, "empty"),
                row("", M, Kind.EMPTY, "empty"),
                row(" quay.io", M, Kind.WHITESPACE, "leading"),
                row("quay.io\n", S, Kind.WHITESPACE, "trailing"),
                row("quay.io/ns\n", M, Kind.WHITESPACE, "newline"),
                row("quay.io/n s", M, Kind.WHITESPACE, "inner"),
                row("quay.io\t", S, Kind.WHITESPACE, "tab"),
                row("quay.io/ns/\u00E9", M, Kind.NON_ASCII, "U+00E9"),
                row("r\u00E9gistry.example.com", S, Kind.NON_ASCII, "non-ASCII"),
                row("quay.io\uFF0Fns", S, Kind.NON_ASCII, "U+FF0F"),
                row("quay.io/ns\u0007", M, Kind.CONTROL_CHARACTER, "U+0007"),
                row("quay.io/ns\u007F", S, Kind.CONTROL_CHARACTER, "U+007F"),
                row("https://quay.io", S, Kind.SCHEME, "https://"),
                row("https://quay.io/ns", M, Kind.SCHEME, "https://"),
                row("http://quay.io", M, Kind.SCHEME, "http://"),
                row("docker://quay.io/ns", S, Kind.SCHEME, "docker://"),
                row("quay.io/ns:latest", S, Kind.TAG, ":latest"),
                row("quay.io:5000/ns/app:v1.2", M, Kind.TAG, ":v1.2"),
                row("myimage:latest", M, Kind.TAG, ":latest"),
                row("quay.io/ns" + digest, S, Kind.DIGEST, "@sha256:"),
                row("quay.io/ns:latest" + digest, M, Kind.DIGEST, "@sha256:"),
                row("[::1]:5000", M, Kind.IPV6, "IPv6"),
                row("[fe80::1]:5000/ns", S, Kind.IPV6, "IPv6"),
                row("*.example.com", M, Kind.WILDCARD_IN_MIRROR, "wildcard"),
                row("*.example.com/ns", M, Kind.WILDCARD_IN_MIRROR, "wildcard"),
                row("*.example.com:5000", S, Kind.WILDCARD_WITH_PORT_OR_PATH, "port"),
                row("*.example.com/ns", S, Kind.WILDCARD_WITH_PORT_OR_PATH, "path"),
                row("*.example.com:5000/ns", S, Kind.WILDCARD_WITH_PORT_OR_PATH, "port"),
                row("*example.com", S, Kind.BAD_WILDCARD, "\"*\""),
                row("*", S, Kind.BAD_WILDCARD, "\"*\""),
                row("registry.*.example.com", S, Kind.BAD_WILDCARD, "position 9"),
                row("quay.io/*", M, Kind.BAD_WILDCARD, "\"*\""),
                row("-quay.io", S, Kind.BAD_HOST, "\"-\""),
                row("quay-.io", M, Kind.BAD_HOST, "\"-\""),
                row("quay..io", S, Kind.BAD_HOST, "empty label"),
                row("quay.io.", M, Kind.BAD_HOST, "empty label"),
                row("quay_io.example.com", S, Kind.BAD_HOST, "\"_\""),
                row(":5000/ns", M, Kind.BAD_HOST, "empty host"),
                row("*.", S, Kind.BAD_HOST, "empty"),
                row("*.a..b", S, Kind.BAD_HOST, "empty label"),
                row("quay.io:/ns", S, Kind.BAD_PORT, "no port"),
                row("quay.io:", M, Kind.BAD_PORT, "no port"),
                row("quay.io:50a0/ns", M, Kind.BAD_PORT, "50a0"),
                row("quay.io/", S, Kind.EMPTY_COMPONENT, "ends with"),
                row("quay.io//ns", S, Kind.EMPTY_COMPONENT, "//"),
                row("quay.io/ns/", M, Kind.EMPTY_COMPONENT, "ends with"),
                row("quay.io:5000/ns//app", M, Kind.EMPTY_COMPONENT, "//"),
                row("quay.io/MyNamespace", S, Kind.UPPERCASE_PATH, "MyNamespace"),
                row("quay.io/ns/Repo", M, Kind.UPPERCASE_PATH, "Repo"),
                row("quay.io/ns!", S, Kind.BAD_PATH_CHARACTER, "\"!\""),
                row("quay.io/ns?x=1", M, Kind.BAD_PATH_CHARACTER, "\"?\""),
                row("quay.io/a..b", S, Kind.BAD_SEPARATOR, "\"..\""),
                row("quay.io/my___ns", M, Kind.BAD_SEPARATOR, "\"___\""),
                row("quay.io/a.-b", M, Kind.BAD_SEPARATOR, "\".-\""),
                row("quay.io/a_-b", S, Kind.BAD_SEPARATOR, "\"_-\""),
                row("quay.io/-ns", S, Kind.BAD_SEPARATOR, "starts or ends"),
                row("quay.io/ns_", M, Kind.BAD_SEPARATOR, "starts or ends"),
                row("quay.io/.ns", M, Kind.BAD_SEPARATOR, "starts or ends"));
    }

    private static Arguments row(String value, LocationRole role, Kind kind, String fragment) {
        return Arguments.of(value, role, kind, fragment);
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @MethodSource("cases")
    void rejectsWithTheKindThatNamesTheMistake(String value, LocationRole role, Kind kind, String fragment) {
        ParsedLocation p = LocationParser.parse(value, role);
        String where = role.noun() + " " + quote(value);
        assertFalse(p.ok(), where + " was accepted");
        assertFalse(CrdLocationPatterns.accepts(value, role), where + " is valid per the CRD; fix the table");
        assertEquals(kind, p.problem().kind(), where + ": " + p.problem().problem());
        assertTrue(p.problem().problem().toLowerCase(Locale.ROOT).contains(fragment.toLowerCase(Locale.ROOT)),
                where + ": problem text \"" + p.problem().problem() + "\" should contain \"" + fragment + "\"");
        assertFalse(p.problem().fix().isBlank(), where + ": no fix");
    }

    @Test
    void everyKindHasAnExample() {
        Set<Kind> covered = EnumSet.noneOf(Kind.class);
        cases().forEach(a -> covered.add((Kind) a.get()[2]));
        assertEquals(EnumSet.allOf(Kind.class), covered, "add a row for each new LocationProblem.Kind");
    }

    @Test
    void plainHttpPointsToTheInsecureRegistriesList() {
        // D3 never strips http://, so S1 has to tell the user where plain HTTP is configured instead.
        ParsedLocation p = LocationParser.parse("http://registry.local:5000/ns", LocationRole.MIRROR);
        assertEquals(Kind.SCHEME, p.problem().kind());
        assertTrue(p.problem().fix().contains("insecureRegistries"), p.problem().fix());
    }

    @Test
    void uppercasePathFixShowsTheLowercaseSpelling() {
        ParsedLocation p = LocationParser.parse("quay.io/MyNs", LocationRole.SOURCE);
        assertTrue(p.problem().fix().contains("\"myns\""), p.problem().fix());
    }

    @Test
    void validLocationsOfBothRolesParseIntoTheirParts() {
        for (String ok : List.of("quay.io", "localhost:5000/ns", "Quay.IO:05000/a.b_c__d-e---f/x", "a", "1.2.3.4")) {
            for (LocationRole role : LocationRole.values()) {
                assertTrue(LocationParser.parse(ok, role).ok(), role.noun() + " " + ok);
            }
        }
        Location l = LocationParser.parse("registry.example.com:5000/ns/repo", LocationRole.MIRROR).location();
        assertParts(l, false, "registry.example.com", "5000", List.of("ns", "repo"));
        assertEquals("registry.example.com:5000", l.registry());
        Location w = LocationParser.parse("*.Example.com", LocationRole.SOURCE).location();
        assertParts(w, true, "Example.com", null, List.of());
        assertEquals("Example.com", w.registry());
        Location bare = LocationParser.parse("quay.io", LocationRole.SOURCE).location();
        assertParts(bare, false, "quay.io", null, List.of());
        assertTrue(bare.isBareHost());
        assertParts(LocationParser.parse("quay.io/ns", LocationRole.SOURCE).location(), false, "quay.io", null,
                List.of("ns"));
        assertParts(LocationParser.parse("localhost:5000", LocationRole.MIRROR).location(), false, "localhost",
                "5000", List.of());
    }

    private static void assertParts(Location l, boolean wildcard, String host, String port, List<String> path) {
        assertEquals(wildcard, l.wildcard(), l::toString);
        assertEquals(host, l.host(), l::toString);
        assertEquals(port, l.port(), l::toString);
        assertEquals(path, l.path(), l::toString);
        assertEquals(!path.isEmpty(), l.hasPath(), l::toString);
        assertEquals(!wildcard && port == null && path.isEmpty(), l.isBareHost(), l::toString);
        assertEquals("Location[raw=" + l.raw() + ", wildcard=" + wildcard + ", host=" + host + ", port=" + port
                + ", path=" + path + "]", l.toString());
    }

    @Test
    void locationsAreEqualWhenTheirStringsAre() {
        Location a = LocationParser.parse("quay.io:443/ns/app", LocationRole.SOURCE).location();
        Location b = LocationParser.parse(new String("quay.io:443/ns/app"), LocationRole.MIRROR).location();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(LocationParser.parse("quay.io:443/ns/app2", LocationRole.SOURCE).location(), a);
        assertNotEquals(LocationParser.parse("Quay.io:443/ns/app", LocationRole.SOURCE).location(), a,
                "matching is byte-exact, so case makes a different location");
        assertNotEquals("quay.io:443/ns/app", a);
    }
}
