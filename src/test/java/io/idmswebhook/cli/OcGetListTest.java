package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's offline audit, {@code oc get idms,itms,icsp,images.config.openshift.io -o yaml |
 * idms-lint lint -}: what {@code oc} prints is one {@code kind: List} whose items are the full
 * objects, with the fields the server adds ({@code status}, {@code metadata.managedFields},
 * {@code resourceVersion}, {@code uid}, {@code creationTimestamp}, {@code generation},
 * {@code ownerReferences}) and the image config {@code cluster} with its {@code spec} and
 * {@code status}. None of those fields is a finding, and the image config is the cluster's.
 */
class OcGetListTest {

    private static final Path LIST = Path.of("src/test/resources/cli/oc-get-list.yaml");

    private record Run(int code, JsonNode json, String err) {
    }

    private static Run lint(String yaml) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"lint", "--format", "json", "-"},
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)),
                err.toString(StandardCharsets.UTF_8));
    }

    /** kind/name: rule, for every finding of every object. */
    private static List<String> findings(JsonNode json) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : json.path("objects")) {
            for (String list : new String[] {"denials", "warnings"}) {
                for (JsonNode f : o.path(list)) {
                    out.add(o.path("kind").asText() + "/" + o.path("name").asText() + ": " + f.path("rule").asText());
                }
            }
        }
        return out;
    }

    @Test
    void theListOcPrintsLintsWithoutFindingsFromTheServersFields() throws IOException {
        String yaml = Files.readString(LIST, StandardCharsets.UTF_8);
        assertTrue(yaml.contains("managedFields:") && yaml.contains("status:") && yaml.contains("kind: List"));
        Run r = lint(yaml);
        assertEquals(Main.OK, r.code(), r.err() + r.json());
        JsonNode summary = r.json().path("summary");
        assertEquals(3, summary.path("objects").asInt(), summary::toString);
        for (String kind : new String[] {"ImageDigestMirrorSet", "ImageTagMirrorSet", "ImageContentSourcePolicy"}) {
            assertEquals(1, summary.path("kinds").path(kind).asInt(), summary::toString);
        }
        assertTrue(summary.path("imageConfig").asBoolean(), "the Image item is read as the cluster image config");
        assertEquals(0, summary.path("ignored").asInt(), "the image config is used, not ignored: " + r.err());
        // what the rules say of the objects themselves: the ICSP kind is deprecated, and creating
        // the tag mirror set now would drain the nodes; the server's fields add nothing (no X5)
        assertEquals(List.of("ImageTagMirrorSet/tags: N1", "ImageContentSourcePolicy/legacy: M1"), findings(r.json()),
                r.json()::toString);
        for (JsonNode o : r.json().path("objects")) {
            assertFalse(o.path("mergedOrders").isEmpty(), o::toString);
        }
    }

    @Test
    void theImageConfigOfTheListIsTheOneTheRulesRead() throws IOException {
        // the same List with the mirrors' registry taken out of allowedRegistries: every mirror set
        // now has a mirror the nodes reject (P12), which only the Image item can have said
        String listed = Files.readString(LIST, StandardCharsets.UTF_8);
        String yaml = listed.replace("      - mirror.corp.example\n", "      - other.corp.example\n");
        assertTrue(!yaml.equals(listed));
        List<String> added = findings(lint(yaml).json());
        for (String before : findings(lint(listed).json())) {
            assertTrue(added.remove(before), before + " is still found");
        }
        assertEquals(List.of("ImageDigestMirrorSet/release: P12", "ImageTagMirrorSet/tags: P12",
                "ImageContentSourcePolicy/legacy: P12"), added);
    }
}
