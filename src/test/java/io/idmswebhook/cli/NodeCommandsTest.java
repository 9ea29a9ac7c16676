package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** preview, explain and diff over a base and a head tree of manifests, against golden output. */
class NodeCommandsTest {

    private static final String DIR = "src/test/resources/cli/";
    private static final String BASE = DIR + "nodes/base";
    private static final String HEAD = DIR + "nodes/head";
    private static final String DIGEST = "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String golden(String name) throws IOException {
        return Files.readString(Path.of(DIR, "golden", name), StandardCharsets.UTF_8);
    }

    @Test
    void previewIsTheOperatorsFile() throws IOException {
        Run toml = run("preview", BASE);
        assertEquals(golden("preview-nodes.toml"), toml.out());
        assertEquals(Main.OK, toml.code());
        Run json = run("preview", "--format=json", BASE);
        assertEquals(golden("preview-nodes.json"), json.out());
        assertEquals(Main.OK, json.code());
    }

    @Test
    void explainListsTheEndpointsOfADigestPull() throws IOException {
        Run r = run("explain", "quay.io/openshift-release-dev/ocp-release" + DIGEST, BASE);
        assertEquals(golden("explain-digest.txt"), r.out());
        assertEquals(Main.OK, r.code());
    }

    @Test
    void explainSaysWhenAPullCannotSucceed() throws IOException {
        // the tag mirror set blocks the source, and its mirror serves tag pulls only
        Run r = run("explain", "registry.redhat.io/ubi9/ubi" + DIGEST, BASE);
        assertEquals(golden("explain-blocked.txt"), r.out());
        assertEquals(Main.DENIED, r.code());
    }

    @Test
    void explainOfATagPullUnderAWildcardSkipsDigestMirrors() throws IOException {
        Run r = run("explain", "--format", "json", "web.apps.example.com/team/app:1.2", BASE);
        assertEquals(golden("explain-wildcard.json"), r.out());
        assertEquals(Main.OK, r.code());
    }

    @Test
    void diffShowsTheChangeAndTheDrain() throws IOException {
        Run r = run("diff", BASE, HEAD);
        assertEquals(golden("diff-nodes.txt"), r.out());
        assertEquals(Main.OK, r.code(), "a drain fails the diff only with --fail-on-drain");
        Run strict = run("diff", "--fail-on-drain", "--format", "json", BASE, HEAD);
        assertEquals(golden("diff-nodes.json"), strict.out());
        assertEquals(Main.DENIED, strict.code());
    }

    @Test
    void diffOfATreeWithItselfChangesNothing() {
        Run r = run("diff", "--fail-on-drain", BASE, BASE);
        assertEquals("registries.conf does not change: nothing reaches the nodes\n", r.out());
        assertEquals(Main.OK, r.code());
    }

    @Test
    void diffNeedsTwoPaths() {
        Run r = run("diff", BASE);
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().contains("needs exactly two paths"), r.err());
    }
}
