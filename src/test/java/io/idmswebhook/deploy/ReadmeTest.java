package io.idmswebhook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.idmswebhook.core.rules.RuleId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the READMEs tell a user to type and what they say comes back: the "Try it" answer is the
 * golden answer ValidateEndpointTest holds the service to, printed as the command prints it;
 * Maven always runs through the wrapper; the plain overlay's copy step copies what the overlay
 * reads; the rules table names every rule id once, with the class that decides it; the layout
 * names only packages and classes that exist.
 */
class ReadmeTest {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCE = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file));
    }

    /** The fenced blocks of one section (from its heading to the next heading of that level). */
    private static List<String[]> blocks(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "no section " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = markdown.indexOf("\n" + level, start + heading.length() + 1);
        Matcher fence = FENCE.matcher(markdown.substring(start, end < 0 ? markdown.length() : end));
        List<String[]> blocks = new ArrayList<>();
        while (fence.find()) {
            blocks.add(new String[] {fence.group(1), fence.group(2)});
        }
        return blocks;
    }

    @Test
    void tryItShowsTheGoldenAnswerAsTheFormatterPrintsIt() throws IOException {
        List<String[]> blocks = blocks(read("README.md"), "## Try it");
        String command = blocks.stream().filter(b -> b[0].equals("sh")).findFirst().orElseThrow()[1];
        assertTrue(command.contains("@deploy/samples/admission-review-idms.json")
                        && command.contains("https://127.0.0.1:8443/validate"),
                "the command posts the sample review to /validate: " + command);
        assertTrue(command.contains("| python3 -m json.tool --indent 2"),
                "the service answers on one line; the README shows it pretty, so the command must print it so");
        String shown = blocks.stream().filter(b -> b[0].equals("json")).findFirst().orElseThrow()[1];
        JsonNode golden = JSON.readTree(ROOT.resolve("src/test/resources/golden/readme-sample.response.json").toFile());
        assertEquals(golden, JSON.readTree(shown), "the README's answer must be the golden answer");
        // json.tool --indent 2 (and jq): two spaces per level, "key": value.
        for (String line : shown.split("\n")) {
            assertTrue(line.matches("( {2})*([{}\\[\\]],?|\\}|\"[^\"]+\": .*)"), "not as json.tool prints it: " + line);
        }
    }

    @Test
    void mavenRunsThroughTheWrapperEverywhere() throws IOException {
        Pattern bare = Pattern.compile("(^|[\\s`(])mvn\\s");
        for (String file : List.of("README.md", "deploy/README.md", "bench/STARTUP.md")) {
            String text = read(file);
            Matcher m = bare.matcher(text);
            if (m.find()) {
                long line = text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                fail(file + ":" + line + " runs `mvn`; the project builds with ./mvnw, which brings the Maven it needs");
            }
        }
    }

    @Test
    void thePlainOverlaysCopyStepCopiesWhatTheOverlayReads() throws IOException {
        JsonNode k = new ObjectMapper(new YAMLFactory())
                .readTree(ROOT.resolve("deploy/overlays/plain/kustomization.yaml").toFile());
        Set<String> read = new TreeSet<>();
        for (JsonNode file : k.path("secretGenerator").path(0).path("files")) {
            read.add(file.asText().substring(file.asText().indexOf('=') + 1));
        }
        for (String readme : List.of("README.md", "deploy/README.md")) {
            Matcher copy = Pattern.compile("cp ((?:certs/dev/\\S+ )+)deploy/overlays/plain/tls/").matcher(read(readme));
            assertTrue(copy.find(), readme + ": no copy step into deploy/overlays/plain/tls/");
            Set<String> copied = new TreeSet<>();
            for (String source : copy.group(1).trim().split(" ")) {
                copied.add("tls/" + source.substring("certs/dev/".length()));
            }
            assertEquals(read, copied, readme + ": the copy step must bring exactly the overlay's inputs");
        }
    }

    /**
     * A reader goes from an id in a message to its code through this table: each id of the rule
     * book in exactly one row, whose first class is the one {@link RuleId#decidedBy()} names.
     */
    @Test
    void theRulesTableNamesEveryIdOnceWithTheClassThatDecidesIt() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("\n## The rules\n");
        assertTrue(start >= 0, "no section ## The rules");
        int header = readme.indexOf("\n| ids | decided by | what |\n", start);
        assertTrue(header >= 0, "no table | ids | decided by | what | under ## The rules");
        Pattern row = Pattern.compile("^\\| ([^|]+) \\| `([^`]+)`[^|]* \\|", Pattern.MULTILINE);
        Pattern id = Pattern.compile("([A-Z])(\\d+)(?:-\\1(\\d+))?");
        Map<RuleId, String> rows = new EnumMap<>(RuleId.class);
        String table = readme.substring(header + 1, readme.indexOf("\n\n", header + 1));
        Matcher m = row.matcher(table);
        while (m.find()) {
            String decidedBy = m.group(2).substring(m.group(2).lastIndexOf('/') + 1);
            assertTrue(Files.isRegularFile(ROOT.resolve("src/main/java/io/idmswebhook/" + m.group(2) + ".java")),
                    "the rules table names " + m.group(2) + ", which is not a class under src/main/java/io/idmswebhook/");
            for (String ids : m.group(1).split(",\\s*")) {
                Matcher range = id.matcher(ids.strip());
                assertTrue(range.matches(), "not a rule id or range: " + ids + " in " + m.group());
                int from = Integer.parseInt(range.group(2));
                int to = range.group(3) == null ? from : Integer.parseInt(range.group(3));
                for (int n = from; n <= to; n++) {
                    RuleId rule = RuleId.valueOf(range.group(1) + n);
                    String before = rows.put(rule, decidedBy);
                    assertEquals(null, before, rule + " is in two rows of the rules table");
                    assertEquals(rule.decidedBy(), decidedBy, rule + ": the rules table names another class than RuleId");
                }
            }
        }
        assertEquals(List.of(RuleId.values()), List.copyOf(rows.keySet()), "every rule id has a row in the rules table");
    }

    /**
     * The layout is how a reader finds the code, so a class renamed or moved must not leave it
     * pointing at nothing: every {@code `pkg/Class`} is that file under the main sources, every
     * package a bullet starts with is a package there, and every bare {@code `Class`} a type
     * declared in the sources.
     */
    @Test
    void theLayoutNamesOnlyPackagesAndClassesThatExist() throws IOException {
        String readme = read("README.md");
        int start = readme.indexOf("\n## Layout\n");
        assertTrue(start >= 0, "no section ## Layout");
        int end = readme.indexOf("\n## ", start + 1);
        String layout = readme.substring(start, end < 0 ? readme.length() : end);
        Path main = ROOT.resolve("src/main/java/io/idmswebhook");
        StringBuilder sources = new StringBuilder();
        try (Stream<Path> all = Stream.concat(Files.walk(ROOT.resolve("src/main/java")), Files.walk(ROOT.resolve("src/test/java")))) {
            for (Path f : all.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.append(Files.readString(f)).append('\n');
            }
        }
        Matcher quoted = Pattern.compile("`([^`]+)`").matcher(layout);
        int checked = 0;
        while (quoted.find()) {
            String name = quoted.group(1);
            if (name.matches("[a-z]+(/[a-z]+)*/[A-Z][A-Za-z0-9]*")) {
                assertTrue(Files.isRegularFile(main.resolve(name + ".java")), "the layout names " + name
                        + ", which is not a class under src/main/java/io/idmswebhook/");
            } else if (layout.startsWith("- `" + name + "`:", quoted.start() - 2)) {
                assertTrue(Files.isDirectory(main.resolve(name)), "the layout names the package " + name
                        + ", which is not under src/main/java/io/idmswebhook/");
            } else if (name.matches("[A-Z][a-z][A-Za-z0-9]*")) {
                assertTrue(Pattern.compile("\\b(class|record|enum|interface) " + name + "\\b").matcher(sources).find(),
                        "the layout names " + name + ", which no source file declares");
            } else {
                continue;
            }
            checked++;
        }
        assertTrue(checked > 50, "the layout names " + checked + " packages and classes; is the section still there?");
    }
}
