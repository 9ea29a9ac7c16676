package io.idmswebhook.cli;

import static io.idmswebhook.cli.CliRun.DIR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migrate}: one IDMS per ICSP, as oc adm migrate icsp writes it, that lints clean where the ICSP did. */
class MigrateCommandTest {

    private static final String ICSP = DIR + "icsp.yaml";

    @Test
    void writesOneImageDigestMirrorSetPerPolicy() throws IOException {
        CliRun r = CliRun.of("migrate", ICSP, DIR + "clean.yaml");
        assertEquals(Main.OK, r.code(), r.err());
        CliRun.assertGolden("migrate-icsp.yaml", r.out());
        assertTrue(r.err().contains("quay.io/openshift-release-dev/ocp-v4.0-art-dev lists a mirror more than once"
                + " (mirror.example.net/ocp/art-dev, backup.example.net/ocp/art-dev, mirror.example.net/ocp/art-dev);"
                + " the ImageDigestMirrorSet lists each once, in the order the nodes use:"
                + " backup.example.net/ocp/art-dev, mirror.example.net/ocp/art-dev"), r.err());
        assertTrue(r.err().endsWith("migrate: 2 ImageContentSourcePolicy object(s) migrated, 1 other object(s) skipped\n"),
                r.err());
    }

    @Test
    void theResultLintsCleanWhereThePolicyDid() throws IOException {
        CliRun before = CliRun.of("lint", "--format", "json", ICSP);
        CliRun migrated = CliRun.of("migrate", ICSP);
        CliRun after = CliRun.withStdin(migrated.out(), "lint", "--strict", "--format", "json", "-");
        JsonNode b = new ObjectMapper().readTree(before.out());
        JsonNode a = new ObjectMapper().readTree(after.out());
        assertTrue(b.path("allowed").asBoolean(), before.out());
        assertTrue(a.path("allowed").asBoolean(), "no denial, no X5 even under --strict: " + after.out());
        assertEquals(b.path("objects").size(), a.path("objects").size());
        for (int i = 0; i < a.path("objects").size(); i++) {
            JsonNode icsp = b.path("objects").get(i);
            JsonNode idms = a.path("objects").get(i);
            assertEquals("ImageDigestMirrorSet", idms.path("kind").asText());
            assertEquals(icsp.path("name").asText(), idms.path("name").asText());
            assertEquals(icsp.path("mergedOrders"), idms.path("mergedOrders"), "the nodes use the same mirrors in the same order");
            Set<String> rulesAfter = rules(idms.path("warnings"));
            Set<String> rulesBefore = rules(icsp.path("warnings"));
            assertTrue(rulesBefore.containsAll(rulesAfter), "no new warning: " + rulesAfter + " vs " + rulesBefore);
        }
    }

    @Test
    void keepsNameLabelsAndAnnotationsAndNotWhatTheServerSets() throws IOException {
        JsonNode first = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(CliRun.of("migrate", ICSP).out());
        JsonNode metadata = first.path("metadata");
        assertEquals("release-mirrors", metadata.path("name").asText());
        assertEquals("platform", metadata.path("labels").path("team").asText());
        assertEquals("platform-team", metadata.path("annotations").path("owner").asText());
        assertFalse(metadata.path("annotations").has("kubectl.kubernetes.io/last-applied-configuration"));
        for (String serverSet : new String[] {"uid", "resourceVersion", "creationTimestamp"}) {
            assertFalse(metadata.has(serverSet), serverSet);
        }
        JsonNode entries = first.path("spec").path("imageDigestMirrors");
        assertEquals(3, entries.size(), "every entry, in order");
        assertFalse(entries.get(0).has("mirrorSourcePolicy"), "unset, as AllowContactingSource");
        assertFalse(entries.get(2).has("mirrors"), "an entry without mirrors stays one");
    }

    @Test
    void destDirGetsOneFilePerObject(@TempDir Path dir) throws IOException {
        Path dest = dir.resolve("out");
        CliRun r = CliRun.of("migrate", "--dest-dir", dest.toString(), ICSP);
        assertEquals(Main.OK, r.code(), r.err());
        assertEquals("", r.out());
        try (var files = Files.list(dest)) {
            assertEquals(Set.of("imagedigestmirrorset_release-mirrors.yaml", "imagedigestmirrorset_second.yaml"),
                    Set.copyOf(files.map(p -> p.getFileName().toString()).toList()));
        }
        assertTrue(Files.readString(dest.resolve("imagedigestmirrorset_second.yaml"), StandardCharsets.UTF_8)
                .contains("name: second"));
        Path aFile = Files.writeString(dir.resolve("taken"), "x");
        assertEquals(Main.USAGE, CliRun.of("migrate", "--dest-dir", aFile.toString(), ICSP).code());
    }

    @Test
    void anUnusableInputFailsTheMigration() {
        CliRun r = CliRun.of("migrate", DIR + "broken.yaml");
        assertEquals(Main.USAGE, r.code());
        assertTrue(r.err().startsWith("idms-lint migrate: " + DIR + "broken.yaml:5:1: not valid YAML"), r.err());
        assertEquals("", r.out());
    }

    private static Set<String> rules(JsonNode findings) {
        Set<String> out = new HashSet<>();
        findings.forEach(f -> out.add(f.path("rule").asText()));
        return out;
    }
}
