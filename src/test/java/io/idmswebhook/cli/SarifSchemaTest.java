package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The linter's {@code --format sarif} against the SARIF 2.1.0 JSON schema. The schema is the
 * standard's, not ours to ship, so it is read from the file that {@code -Dsarif.schema} names, and
 * the test runs only then (tag {@code sarif-schema}; {@code src/test/sarif-schema.sh} fetches the
 * schema from the npm registry and runs it, and CI runs that script). Asked to run without the
 * file, it fails rather than pass on nothing.
 */
@Tag("sarif-schema")
class SarifSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws IOException {
        String file = System.getProperty("sarif.schema", "");
        assertFalse(file.isBlank(), "-Dsarif.schema=FILE must name the SARIF 2.1.0 JSON schema");
        Path path = Path.of(file);
        assertTrue(Files.isRegularFile(path), "no SARIF schema at " + path.toAbsolutePath());
        JsonNode schema = JSON.readTree(path.toFile());
        String title = schema.path("title").asText();
        assertTrue(title.contains("SARIF") && title.contains("2.1.0"), "not the SARIF 2.1.0 schema: " + title);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    @Test
    void everySarifLogTheLinterWritesIsValidSarif210() throws IOException {
        JsonSchema schema = schema();
        String[][] inputs = {
            {CliRun.DIR + "tree"}, {CliRun.DIR + "mixed"}, {CliRun.DIR + "x5.yaml"},
            {CliRun.DIR + "clean.yaml"}, {"--enforcement", "warn", CliRun.DIR + "tree"},
        };
        for (String[] input : inputs) {
            String[] args = new String[input.length + 3];
            args[0] = "lint";
            args[1] = "--format";
            args[2] = "sarif";
            System.arraycopy(input, 0, args, 3, input.length);
            CliRun r = CliRun.of(args);
            JsonNode log = JSON.readTree(r.out());
            assertEquals("2.1.0", log.path("version").asText(), r.out());
            Set<ValidationMessage> problems = schema.validate(log);
            assertEquals(Set.of(), problems, String.join(" ", input));
        }
    }

    /** The schema is really applied: a log with a level SARIF does not have is refused. */
    @Test
    void aLogOutsideTheSchemaIsRefused() throws IOException {
        JsonSchema schema = schema();
        ObjectNode log = (ObjectNode) JSON.readTree(CliRun.of("lint", "--format", "sarif", CliRun.DIR + "tree").out());
        ObjectNode first = (ObjectNode) log.path("runs").get(0).path("results").get(0);
        first.put("level", "fatal");
        assertFalse(schema.validate(log).isEmpty(), "level fatal accepted");
    }
}
