package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The commands run in-process against the fixtures under src/test/resources/cli. Golden files hold
 * the exact output; paths in it are relative to the project directory, where Maven runs tests.
 */
class MainTest {

    private static final String DIR = "src/test/resources/cli/";
    private static final String TREE = DIR + "tree";

    record Run(int code, String out, String err) {
    }

    private static Run run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run run(String... args) {
        return run(InputStream.nullInputStream(), args);
    }

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of(DIR, "golden", name), StandardCharsets.UTF_8);
    }

    @Test
    void lintTextOfTheTreeMatchesGoldenAndDenies() throws IOException {
        Run r = run("lint", TREE);
        assertEquals(golden("lint-tree.txt"), r.out());
        assertEquals(Main.DENIED, r.code());
        assertTrue(r.err().contains("4 mirror set(s) checked, 3 denied"), r.err());
    }

    @Test
    void lintJsonOfTheTreeMatchesGoldenAndCountsIgnoredKinds() throws IOException {
        Run r = run("lint", "--format", "json", TREE);
        assertEquals(golden("lint-tree.json"), r.out());
        assertEquals(Main.DENIED, r.code());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(2, json.path("summary").path("ignored").asInt(), "ConfigMap and Deployment are skipped");
        assertEquals("", r.err(), "JSON output keeps standard error empty");
    }

    @Test
    void previewOfTheTreeIsRefusedAsTheOperatorRefusesIt() throws IOException {
        // the tree gives quay.io/ns two policies (P4): the operator renders no file at all
        Run toml = run("preview", TREE);
        assertEquals("", toml.out());
        assertEquals(Main.DENIED, toml.code());
        assertTrue(toml.err().contains("conflicting mirrorSourcePolicy is set for the same source \"quay.io/ns\"")
                && toml.err().contains("[P4]"), toml.err());
        Run json = run("preview", "--format=json", TREE);
        assertEquals(Main.DENIED, json.code());
        assertEquals("P4", new ObjectMapper().readTree(json.out()).path("refused").path("rule").asText(), json.out());
    }

    @Test
    void filesThatOnlyConflictTogether() {
        // Each folder alone is consistent: no P4, no O1.
        Run a = run("lint", TREE + "/a");
        assertEquals(Main.OK, a.code(), a.out());
        assertEquals("", a.out());
        Run b = run("lint", TREE + "/b");
        assertEquals(Main.OK, b.code(), b.out());
        assertTrue(!b.out().contains("[O1]") && !b.out().contains("[P4]"), b.out());
        // a + b: opposite mirror orders for one source.
        Run ab = run("lint", TREE + "/a", TREE + "/b");
        assertEquals(Main.OK, ab.code(), ab.out());
        assertTrue(ab.out().contains("[O1]"), ab.out());
        // b + c: NeverContactSource against the ICSP's implicit AllowContactingSource.
        Run bc = run("lint", TREE + "/b", TREE + "/c");
        assertEquals(Main.DENIED, bc.code(), bc.out());
        assertTrue(bc.out().contains("[P4]"), bc.out());
    }

    @Test
    void exitCodesForCleanWarningAndStrict() {
        Run clean = run("lint", DIR + "clean.yaml");
        assertEquals(Main.OK, clean.code());
        assertEquals("", clean.out());
        Run warn = run("lint", DIR + "warn.yaml");
        assertEquals(Main.OK, warn.code());
        assertTrue(warn.out().startsWith(DIR + "warn.yaml:9:7: ImageDigestMirrorSet/local-cache: "
                + "spec.imageDigestMirrors[0].mirrors[0]: "), warn.out());
        assertTrue(warn.out().trim().endsWith("[S9]"), warn.out());
        assertEquals(Main.DENIED, run("lint", "--strict", DIR + "warn.yaml").code());
        assertEquals(Main.OK, run("lint", "--strict", DIR + "clean.yaml").code());
    }

    @Test
    void unreadableInputAndUsageErrorsExitTwoWithAReason() {
        Run broken = run("lint", DIR + "broken.yaml");
        assertEquals(Main.USAGE, broken.code());
        assertTrue(broken.out().startsWith(DIR + "broken.yaml:5:1: not valid YAML or JSON at line 5, column 1: "),
                broken.out());
        Run missing = run("lint", DIR + "no-such-file.yaml");
        assertEquals(Main.USAGE, missing.code());
        assertEquals(DIR + "no-such-file.yaml:1:1: no such file or directory\n", missing.out());
        assertEquals(Main.USAGE, run("lint").code());
        assertEquals(Main.USAGE, run("lint", "--format", "toml", DIR + "clean.yaml").code());
        assertEquals(Main.USAGE, run("preview", "--strict", DIR + "clean.yaml").code());
        assertEquals(Main.USAGE, run("check", DIR + "clean.yaml").code());
        Run dup = run("lint", DIR + "clean.yaml", DIR + "clean.yaml");
        assertEquals(Main.USAGE, dup.code());
        assertTrue(dup.out().contains(DIR + "clean.yaml:1:1: document 0: ImageDigestMirrorSet/release is also defined at "
                + DIR + "clean.yaml:1:1"), dup.out());
    }

    @Test
    void standardInputWithSeveralDocumentsAndAList() throws IOException {
        String yaml = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ignored\n---\n"
                + Files.readString(Path.of(DIR, "warn.yaml"))
                + "---\napiVersion: v1\nkind: List\nitems:\n"
                + "- apiVersion: config.openshift.io/v1\n  kind: ImageTagMirrorSet\n  metadata:\n    name: t\n"
                + "  spec:\n    imageTagMirrors:\n    - source: quay.io/ns/app\n      mirrors: [localhost:5000/ns/app]\n";
        Run r = run(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "lint", "-");
        assertEquals(Main.OK, r.code(), r.err());
        assertTrue(r.out().contains("stdin:14:7: ImageDigestMirrorSet/local-cache: "), r.out());
        assertTrue(r.out().contains("stdin:26:17: ImageTagMirrorSet/t: "), r.out());
        assertTrue(r.err().contains("1 other object(s) ignored"), r.err());
    }

    @Test
    void aWronglyShapedObjectIsDeniedWithX4() {
        Run r = run("lint", DIR + "shape.yaml");
        assertEquals(Main.DENIED, r.code());
        assertEquals(DIR + "shape.yaml:8:5: ImageDigestMirrorSet/wrong-shape: spec.imageDigestMirrors[0].mirrors: "
                + "expected a list, found the string \"mirror.example.net/ns\"; "
                + "write this field as the ImageDigestMirrorSet schema defines it [X4]\n", r.out());
    }
}
