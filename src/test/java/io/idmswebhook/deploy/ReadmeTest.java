package io.idmswebhook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the READMEs tell a user to type and what they say comes back: the "Try it" answer is the
 * golden answer ValidateEndpointTest holds the service to, printed as the command prints it;
 * Maven always runs through the wrapper; the plain overlay's copy step copies what the overlay
 * reads.
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
}
