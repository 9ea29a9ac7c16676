package io.idmswebhook.cli;

import static io.idmswebhook.cli.CliRun.DIR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input reported and the run carried on; positions; kustomize folders; nothing to check. */
class LintInputsTest {

    private static final String MIXED = DIR + "mixed";

    @Test
    void aTemplateAndANonObjectDoNotHideTheOtherFilesFindings() throws IOException {
        CliRun r = CliRun.of("lint", MIXED);
        assertEquals(Main.USAGE, r.code(), "an input could not be used: exit 2, after everything is reported");
        CliRun.assertGolden("lint-mixed.txt", r.out());
        assertTrue(r.out().contains(MIXED + "/d-denied.yaml:9:7: ImageDigestMirrorSet/denied: "), r.out());
        assertTrue(r.out().contains("[S2]"), "the denied file is still judged: " + r.out());
        assertTrue(r.err().contains("2 mirror set(s) checked, 1 denied"), r.err());
        assertTrue(r.err().contains("2 input problem(s), so the run fails"), r.err());
    }

    @Test
    void jsonIsWrittenEvenWhenTheRunFails() throws IOException {
        CliRun r = CliRun.of("lint", "--format", "json", MIXED);
        assertEquals(Main.USAGE, r.code());
        CliRun.assertGolden("lint-mixed.json", r.out());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertFalse(json.path("complete").asBoolean(true));
        assertEquals(2, json.path("problems").size());
        assertEquals("input-unreadable", json.path("problems").get(0).path("problem").asText());
        assertEquals(4, json.path("problems").get(0).path("line").asInt(), "the template's {{ on line 4");
    }

    @Test
    void aBinaryFileIsNamedInPlainWords(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("logo.yaml");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        Path nul = dir.resolve("nul.yaml");
        Files.write(nul, new byte[] {'a', ':', ' ', 0, '\n'});
        CliRun r = CliRun.of("lint", png.toString(), nul.toString(), DIR + "clean.yaml");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.out().contains(png + ":1:1: not a text file in UTF-8 (byte 0x89 at offset 0); "
                + "give only YAML or JSON manifests\n"), r.out());
        assertTrue(r.out().contains(nul + ":1:1: not a text file (a NUL byte at offset 3)"), r.out());
        assertFalse(r.out().contains("Exception") || r.out().contains("java."), r.out());
        assertTrue(r.err().contains("1 mirror set(s) checked"), "clean.yaml is still checked: " + r.err());
    }

    @Test
    void noJavaClassNamesInAnyProblem() {
        String[] broken = {
            "a: [1, 2\n", "a: b: c\n", "key: \"unterminated\n", "- a\nb: c\n", "a: *nope\n", "%YAML 9.9\n---\na: 1\n",
            "{\"apiVersion\": \"v1\",, }\n", "a:\n\t- b\n", "!!binary zz\n", "a: {{ b }}\n",
            "a: [b, {c: d}, [e]\n", "? [a]\n: b\n", "- - x\n  - y\n-\n"
        };
        for (String text : broken) {
            CliRun r = CliRun.withStdin(text, "lint", "-");
            assertEquals(Main.USAGE, r.code(), text + " -> " + r.out());
            assertTrue(r.out().startsWith("stdin:"), r.out());
            assertFalse(r.out().matches("(?s).*\\b(java|com|org)\\.[a-z]+\\..*") || r.out().contains("Exception"),
                    text + " -> " + r.out());
        }
    }

    @Test
    void everyFindingHasTheLineAndColumnOfItsField() throws IOException {
        CliRun r = CliRun.of("lint", "--format", "json", DIR + "tree");
        JsonNode json = new ObjectMapper().readTree(r.out());
        List<String> lines = Files.readAllLines(Path.of(DIR, "tree/b/idms-b.yaml"));
        int checked = 0;
        for (JsonNode o : json.path("objects")) {
            for (JsonNode f : o.path("denials")) {
                assertTrue(f.path("line").asInt() > 0 && f.path("column").asInt() > 0, f.toString());
                checked++;
            }
            for (JsonNode f : o.path("warnings")) {
                assertTrue(f.path("line").asInt() > 0 && f.path("column").asInt() > 0, f.toString());
                checked++;
            }
            if (o.path("file").asText().endsWith("idms-b.yaml")) {
                JsonNode p4 = o.path("denials").get(0);
                assertEquals("spec.imageDigestMirrors[1].mirrorSourcePolicy", p4.path("path").asText());
                String line = lines.get(p4.path("line").asInt() - 1);
                assertEquals("mirrorSourcePolicy:", line.substring(p4.path("column").asInt() - 1).split(" ")[0],
                        "the position is the field's key: " + line);
            }
        }
        assertEquals(8, checked);
    }

    @Test
    void positionsOfAMissingFieldFallBackToItsParentAndOfListItemsToTheItem() {
        java.util.Map<String, Position> written = new java.util.HashMap<>();
        written.put("", new Position(1, 1));
        written.put("items[0]", new Position(3, 3));
        written.put("items[0].spec", new Position(7, 5));
        written.put("items[0].spec.imageDigestMirrors[1]", new Position(12, 7));
        Positions item = new Positions(written, "items[0]");
        assertEquals(new Position(12, 7), item.of("spec.imageDigestMirrors[1].mirrorSourcePolicy"));
        assertEquals(new Position(7, 5), item.of("spec.imageDigestMirrors[5]"));
        assertEquals(new Position(3, 3), item.of("metadata.name"));
        assertEquals(new Position(3, 3), item.of(""));
        assertEquals(new Position(1, 1), new Positions(written, "").of("nothing.here"));
    }

    @Test
    void aKustomizeFolderIsNotReadAsLooseFiles() {
        CliRun named = CliRun.of("lint", DIR + "kustomize/overlays/prod");
        assertEquals(Main.USAGE, named.code(), named.out());
        assertEquals(DIR + "kustomize/overlays/prod:1:1: a kustomize folder (it holds kustomization.yaml): its files are"
                + " bases and patches, not the objects kustomize builds from them; lint the build instead:"
                + " kustomize build " + DIR + "kustomize/overlays/prod | idms-lint lint -\n", named.out());

        CliRun walked = CliRun.of("lint", DIR + "kustomize");
        assertEquals(Main.OK, walked.code(), "base and patch of one object are not a duplicate: " + walked.out());
        assertTrue(walked.out().contains(DIR + "kustomize/base:1:1: skipped: a kustomize folder"), walked.out());
        assertTrue(walked.out().contains(DIR + "kustomize/overlays/prod:1:1: skipped: a kustomize folder"), walked.out());
        assertTrue(walked.err().contains("1 mirror set(s) checked"), "the loose folder is read: " + walked.err());
        assertTrue(walked.err().contains("2 kustomize folder(s) skipped"), walked.err());
    }

    @Test
    void duplicatesAcrossUnrelatedFilesStayAnError() {
        CliRun r = CliRun.of("lint", DIR + "kustomize/base/idms.yaml", DIR + "kustomize/overlays/prod/patch.yaml");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.out().contains("ImageDigestMirrorSet/shared is also defined at " + DIR + "kustomize/base/idms.yaml:1:1"),
                r.out());
    }

    @Test
    void nothingToCheckFailsForFilesAndNotForFoldersUnlessAsked(@TempDir Path dir) throws IOException {
        Path configMap = dir.resolve("cm.yaml");
        Files.writeString(configMap, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        CliRun file = CliRun.of("lint", configMap.toString());
        assertEquals(Main.USAGE, file.code());
        assertTrue(file.out().startsWith(configMap + ":1:1: no ImageDigestMirrorSet, ImageTagMirrorSet or"
                + " ImageContentSourcePolicy in " + configMap + ", so nothing was checked"), file.out());
        assertEquals(Main.OK, CliRun.of("lint", "--no-fail-on-empty", configMap.toString()).code());

        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertEquals(Main.OK, CliRun.of("lint", empty.toString()).code(), "a folder may hold no mirror set");
        CliRun asked = CliRun.of("lint", "--fail-on-empty", empty.toString());
        assertEquals(Main.USAGE, asked.code());
        assertTrue(asked.out().contains("so nothing was checked"), asked.out());
        assertEquals(Main.USAGE, CliRun.withStdin("", "lint", "-").code(), "empty standard input");
    }
}
