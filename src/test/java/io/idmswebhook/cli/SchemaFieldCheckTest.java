package io.idmswebhook.cli;

import static io.idmswebhook.cli.CliRun.DIR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule X5: fields the kind's schema does not have, known kinds under another apiVersion, and --strict. */
class SchemaFieldCheckTest {

    private static final String X5 = DIR + "x5.yaml";

    @Test
    void everyUnknownFieldIsNamedWithTheClosestValidOneAtItsPosition() throws IOException {
        CliRun r = CliRun.of("lint", X5);
        assertEquals(Main.OK, r.code(), "X5 warns without --strict: " + r.out());
        CliRun.assertGolden("lint-x5.txt", r.out());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.contains(X5 + ":10:5: ImageDigestMirrorSet/misspelt: spec.imageDigestMirrors[0].mirror:"
                + " ImageDigestMirrorSet has no field \"mirror\" here: the API server drops it (or refuses the object"
                + " under strict field validation); rename it to mirrors (the closest field here), or remove it [X5]"),
                r.out());
        assertTrue(r.out().contains(X5 + ":15:5: ImageDigestMirrorSet/misspelt: spec.imageDigestMirrors[1]"
                + ".mirrorSourcePolicey: ImageDigestMirrorSet has no field \"mirrorSourcePolicey\" here"), r.out());
        assertTrue(r.out().contains("rename it to mirrorSourcePolicy (the closest field here)"), r.out());
        assertTrue(r.out().contains(X5 + ":16:3: ImageDigestMirrorSet/misspelt: spec.repositoryDigestMirrors:"), r.out());
        assertTrue(r.out().contains("repositoryDigestMirrors is the list of ImageContentSourcePolicy"), r.out());
        assertTrue(r.out().contains(X5 + ":5:3: ImageDigestMirrorSet/misspelt: metadata.label:"), r.out());
        assertTrue(r.out().contains("rename it to labels (the closest field here)"), r.out());
    }

    @Test
    void aKnownKindUnderAnotherGroupIsReportedNotIgnored() throws IOException {
        CliRun r = CliRun.of("lint", "--format", "json", X5);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(0, json.path("summary").path("ignored").asInt(), "no mirror kind is silently skipped");
        JsonNode wrong = json.path("objects").get(1);
        assertEquals("wrong-group", wrong.path("name").asText());
        assertEquals("operator.openshift.io/v1alpha1", wrong.path("apiVersion").asText(), "as written");
        JsonNode finding = wrong.path("warnings").get(0);
        assertEquals("X5", finding.path("rule").asText());
        assertEquals("apiVersion", finding.path("path").asText());
        assertEquals(21, finding.path("line").asInt());
        assertTrue(finding.path("message").asText().endsWith("write apiVersion: config.openshift.io/v1 [X5]"),
                finding.toString());
        assertEquals(1, wrong.path("warnings").size(), "not judged as an IDMS: it is not one on a cluster");
    }

    @Test
    void strictTurnsX5IntoDenials() throws IOException {
        CliRun r = CliRun.of("lint", "--strict", "--format", "json", X5);
        assertEquals(Main.DENIED, r.code());
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> denied = new ArrayList<>();
        for (JsonNode o : json.path("objects")) {
            for (JsonNode d : o.path("denials")) {
                if (d.path("rule").asText().equals("X5")) {
                    denied.add(o.path("name").asText() + " " + d.path("path").asText());
                }
            }
            for (JsonNode w : o.path("warnings")) {
                assertTrue(!w.path("rule").asText().equals("X5"), "no X5 warning under --strict: " + w);
            }
        }
        assertEquals(List.of("misspelt metadata.label", "misspelt spec.repositoryDigestMirrors",
                "misspelt spec.imageDigestMirrors[0].mirror", "misspelt spec.imageDigestMirrors[1].mirrorSourcePolicey",
                "wrong-group apiVersion", "legacy-policy spec.repositoryDigestMirrors[0].mirrorSourcePolicy"), denied);
    }

    @Test
    void aCleanObjectHasNoX5() {
        assertEquals(Main.OK, CliRun.of("lint", "--strict", DIR + "clean.yaml").code());
        assertEquals("", CliRun.of("lint", DIR + "clean.yaml").out());
    }

    @Test
    void closestIsTheFewestEditsIgnoringCase() {
        List<String> entry = List.of("source", "mirrors", "mirrorSourcePolicy");
        assertEquals("mirrors", SchemaFieldCheck.closest("mirror", entry));
        assertEquals("mirrors", SchemaFieldCheck.closest("Mirrors", entry));
        assertEquals("source", SchemaFieldCheck.closest("sources", entry));
        assertEquals("mirrorSourcePolicy", SchemaFieldCheck.closest("mirrorsourcepolicy ", entry));
        assertEquals(3, SchemaFieldCheck.distance("kitten", "sitting"));
        assertEquals(0, SchemaFieldCheck.distance("", ""));
        assertEquals(4, SchemaFieldCheck.distance("", "abcd"));
    }
}
