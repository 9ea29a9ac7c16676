package io.idmswebhook.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The image builds from what a clone and `./mvnw package` provide: every file the Dockerfiles copy
 * from the build context is let through by .dockerignore, and the committed ones exist. The release
 * workflow names its images in one place and attaches the jar the build makes.
 */
class PackagingTest {

    private static final Path ROOT = Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path DOCKER = ROOT.resolve("src/main/docker");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+((?:--\\S+\\s+)*)(.+)$", Pattern.MULTILINE);

    /** The sources of each COPY from the build context (not --from another stage). */
    private static List<String> contextSources(Path dockerfile) throws IOException {
        List<String> sources = new ArrayList<>();
        Matcher copy = COPY.matcher(Files.readString(dockerfile));
        while (copy.find()) {
            if (copy.group(1).contains("--from=")) {
                continue;
            }
            String[] parts = copy.group(2).trim().split("\\s+");
            for (int i = 0; i < parts.length - 1; i++) {
                sources.add(parts[i]);
            }
        }
        return sources;
    }

    /** Whether .dockerignore lets a path into the context: the last matching pattern decides. */
    private static boolean admitted(List<String> patterns, String path) {
        boolean admitted = true;
        for (String pattern : patterns) {
            boolean negated = pattern.startsWith("!");
            String glob = (negated ? pattern.substring(1) : pattern).replaceAll("/+$", "");
            var matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            // A pattern that matches a parent directory matches everything below it.
            for (Path p = Path.of(path.replaceAll("/+$", "")); p != null; p = p.getParent()) {
                if (matcher.matches(p)) {
                    admitted = negated;
                    break;
                }
            }
        }
        return admitted;
    }

    @Test
    void everyFileTheDockerfilesCopyIsInTheBuildContext() throws IOException {
        List<String> patterns = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertFalse(admitted(patterns, "src/main/java/io/idmswebhook/Anything.java"),
                ".dockerignore should keep the sources out of the context");
        int checked = 0;
        try (var files = Files.list(DOCKER)) {
            for (Path dockerfile : files.filter(f -> f.getFileName().toString().startsWith("Dockerfile")).toList()) {
                for (String source : contextSources(dockerfile)) {
                    checked++;
                    assertTrue(admitted(patterns, source), ROOT.relativize(dockerfile) + " copies " + source
                            + ", which .dockerignore leaves out of the build context");
                    if (!source.startsWith("target/")) {
                        assertTrue(Files.exists(ROOT.resolve(source)), ROOT.relativize(dockerfile) + " copies "
                                + source + ", which is not in the repository");
                    }
                }
            }
        }
        assertTrue(checked >= 7, "found only " + checked + " COPY sources");
    }

    /**
     * The AOT cache is only valid for the flags that trained it, and bench/run.sh measures with
     * the flags it reads from the global ARG: both stages must take theirs from that one line.
     */
    @Test
    void theImageRunsWithTheFlagsItWasTrainedAndBenchmarkedWith() throws IOException {
        String jvm = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        assertTrue(Pattern.compile("(?m)^ARG IMAGE_JAVA_OPTS=\"-XX:[^\"]+\"$").matcher(jvm).find(),
                "Dockerfile.jvm: no global ARG IMAGE_JAVA_OPTS with the flags");
        Matcher opts = Pattern.compile("(?<![A-Z_])JAVA_OPTS=(\"[^\"]*\")").matcher(jvm);
        List<String> values = new ArrayList<>();
        while (opts.find()) {
            values.add(opts.group(1));
        }
        assertEquals(List.of("\"${IMAGE_JAVA_OPTS}\"", "\"${IMAGE_JAVA_OPTS}\""), values,
                "Dockerfile.jvm: the training and the runtime stage must both set JAVA_OPTS from IMAGE_JAVA_OPTS");
        assertEquals(2, Pattern.compile("(?m)^ARG IMAGE_JAVA_OPTS$").matcher(jvm).results().count(),
                "Dockerfile.jvm: each stage must declare ARG IMAGE_JAVA_OPTS, or it sees an empty value");
    }

    @Test
    void theProductionBaseStaysTemurinOnUbiAndEveryBaseIsABuildArgument() throws IOException {
        String jvm = Files.readString(DOCKER.resolve("Dockerfile.jvm"));
        Matcher runtime = Pattern.compile("(?m)^ARG RUNTIME=(\\S+)$").matcher(jvm);
        assertTrue(runtime.find(), "Dockerfile.jvm: no ARG RUNTIME with a default");
        assertTrue(runtime.group(1).startsWith("eclipse-temurin:25-jre-ubi"), "the production base: " + runtime.group(1));
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(jvm);
        while (from.find()) {
            assertTrue(from.group(1).startsWith("${"), "Dockerfile.jvm: FROM " + from.group(1)
                    + " is fixed; the bases are build arguments so a local base can replace them");
        }
        Matcher run = Pattern.compile("(?m)^RUN (.+)$").matcher(jvm);
        while (run.find()) {
            for (String tool : List.of("microdnf", "dnf", "yum", "apt-get", "curl", "openssl")) {
                assertFalse(run.group(1).matches(".*\\b" + tool + "\\b.*"), "Dockerfile.jvm: RUN " + run.group(1)
                        + " needs " + tool + "; the build must work on a base with only a Java runtime and sh");
            }
        }
    }

    @Test
    void theReleaseWorkflowNamesItsImagesOnceAndAttachesTheJarTheBuildMakes() throws IOException {
        Path workflow = ROOT.resolve(".github/workflows/release.yml");
        JsonNode release = new ObjectMapper(new YAMLFactory()).readTree(workflow.toFile());
        String image = release.path("env").path("IMAGE").asText();
        assertFalse(image.isEmpty(), "release.yml: env.IMAGE names the images");
        String text = Files.readString(workflow);
        String registry = image.substring(0, image.indexOf('/'));
        assertEquals(1, text.split(Pattern.quote(image), -1).length - 1, "the image is named once: " + image);
        assertEquals(1, text.split("(?m)^  REGISTRY: " + Pattern.quote(registry), -1).length - 1,
                "the registry is named once, beside the image");

        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher output = Pattern.compile("<outputFile>\\$\\{project.build.directory}/(\\S+?)\\$\\{project.version}\\.jar"
                + "</outputFile>").matcher(pom);
        assertTrue(output.find(), "pom.xml: the runnable linter jar's outputFile");
        assertTrue(text.contains("\"target/" + output.group(1) + "$VERSION.jar\""),
                "release.yml must upload target/" + output.group(1) + "<version>.jar, the jar the build makes");
        for (String dockerfile : List.of("Dockerfile.jvm", "Dockerfile.native-micro")) {
            assertTrue(text.contains("src/main/docker/" + dockerfile), "release.yml builds no image from " + dockerfile);
        }
    }
}
