package io.idmswebhook.cli;

import static io.idmswebhook.cli.CliRun.DIR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.rules.RuleId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The output formats: golden files for the fixture tree and the mixed folder, and what each consumer needs. */
class LintFormatsTest {

    private static final String TREE = DIR + "tree";
    private static final String MIXED = DIR + "mixed";

    @Test
    void everyFormatMatchesItsGoldenFile() throws IOException {
        String[][] cases = {
            {"text", "lint-tree.txt"}, {"json", "lint-tree.json"}, {"sarif", "lint-tree.sarif"},
            {"junit", "lint-tree.junit.xml"}, {"github", "lint-tree.github"},
            {"sarif", "lint-mixed.sarif", MIXED}, {"junit", "lint-mixed.junit.xml", MIXED},
            {"github", "lint-mixed.github", MIXED},
        };
        for (String[] c : cases) {
            CliRun r = CliRun.of("lint", "--format", c[0], c.length > 2 ? c[2] : TREE);
            assertEquals(c.length > 2 ? Main.USAGE : Main.DENIED, r.code(), c[1]);
            CliRun.assertGolden(c[1], c[0].equals("sarif") ? withoutRuleList(r.out()) : r.out());
        }
        assertEquals(Set.copyOf(LintFormat.names()), Set.of("text", "json", "sarif", "junit", "github"));
    }

    @Test
    void sarifHasWhatCodeScanningReads() throws IOException {
        JsonNode log = new ObjectMapper().readTree(CliRun.of("lint", "--format", "sarif", MIXED).out());
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(SarifFormat.SCHEMA, log.path("$schema").asText());
        JsonNode run = log.path("runs").get(0);
        JsonNode rules = run.path("tool").path("driver").path("rules");
        Set<String> ids = new HashSet<>();
        for (JsonNode rule : rules) {
            assertTrue(ids.add(rule.path("id").asText()), "rule ids are unique: " + rule);
            assertTrue(!rule.path("shortDescription").path("text").asText().isEmpty(), rule.toString());
            assertTrue(!rule.path("help").path("text").asText().isEmpty(), rule.toString());
            assertTrue(Set.of("error", "warning", "note").contains(rule.path("defaultConfiguration").path("level").asText()));
        }
        for (RuleId id : RuleId.values()) {
            assertTrue(ids.contains(id.name()), "every rule of the book is described: " + id);
        }
        assertTrue(run.path("results").size() >= 3);
        for (JsonNode result : run.path("results")) {
            int index = result.path("ruleIndex").asInt();
            assertEquals(rules.get(index).path("id").asText(), result.path("ruleId").asText(), "ruleIndex points at ruleId");
            assertTrue(Set.of("error", "warning", "note").contains(result.path("level").asText()), result.toString());
            assertTrue(!result.path("message").path("text").asText().isEmpty());
            JsonNode physical = result.path("locations").get(0).path("physicalLocation");
            String uri = physical.path("artifactLocation").path("uri").asText();
            assertTrue(uri.startsWith("src/test/resources/cli/mixed/"), "relative to the repository root: " + uri);
            assertTrue(physical.path("region").path("startLine").asInt() >= 1);
            assertTrue(physical.path("region").path("startColumn").asInt() >= 1);
        }
    }

    @Test
    void sarifUrisAreUriReferences() {
        assertEquals("a%20b/c.yaml", SarifFormat.uri("a b/c.yaml"));
        assertEquals("c.yaml", SarifFormat.uri("./x/../c.yaml"));
        assertEquals("stdin", SarifFormat.uri(Inputs.STDIN_NAME));
        assertTrue(SarifFormat.uri("/tmp/a.yaml").startsWith("file:///"));
    }

    @Test
    void junitHasOneCasePerObjectAndFailsTheDeniedOnes() throws Exception {
        Document doc = xml(CliRun.of("lint", "--format", "junit", TREE).out());
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(4, cases.getLength(), "one per mirror set");
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("3", suite.getAttribute("failures"));
        assertEquals(3, doc.getElementsByTagName("failure").getLength());
        Element first = (Element) cases.item(0);
        assertEquals("ImageDigestMirrorSet/team-a", first.getAttribute("name"));
        assertEquals(0, first.getElementsByTagName("failure").getLength(), "team-a only warns");
        assertTrue(first.getElementsByTagName("system-out").item(0).getTextContent().contains("[O1]"));

        Document strict = xml(CliRun.of("lint", "--strict", "--format", "junit", TREE).out());
        assertEquals(4, strict.getElementsByTagName("failure").getLength(), "--strict fails on warnings too");

        Document mixed = xml(CliRun.of("lint", "--format", "junit", MIXED).out());
        assertEquals(2, mixed.getElementsByTagName("error").getLength(), "the two unreadable inputs");
    }

    @Test
    void githubAnnotationsCarryFileLineAndColumnAndEscapeTheirData() {
        String out = CliRun.of("lint", "--format", "github", TREE).out();
        for (String line : out.lines().toList()) {
            assertTrue(line.matches("::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,title=[^:]+::.+"), line);
        }
        assertTrue(out.contains("::error file=src/test/resources/cli/tree/b/idms-b.yaml,line=15,col=5,title=idms-lint P4::"),
                out);
        assertEquals("a%25b%0Ac", GithubFormat.data("a%b\nc"));
        assertEquals("a%3Ab%2Cc", GithubFormat.property("a:b,c"));
    }

    /**
     * The SARIF log without the rule descriptions and the indexes into them, which follow the rule
     * book's list of ids (checked in {@link #sarifHasWhatCodeScanningReads}), so that a new rule
     * does not change this golden file.
     */
    private static String withoutRuleList(String sarif) throws IOException {
        ObjectNode log = (ObjectNode) new ObjectMapper().readTree(sarif);
        ObjectNode run = (ObjectNode) log.path("runs").get(0);
        ((ObjectNode) run.path("tool").path("driver")).remove("rules");
        run.path("results").forEach(result -> ((ObjectNode) result).remove("ruleIndex"));
        return io.idmswebhook.json.Preview.pretty(log);
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
