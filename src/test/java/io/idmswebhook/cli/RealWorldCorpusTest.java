package io.idmswebhook.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.testsupport.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The real-world corpus ({@code ../shared/realworld/}, other people's published mirror sets, read
 * where it lives): each file linted alone, as its README asks. Every denial must be one that
 * {@code expected-denials.tsv} lists, and no object's warnings may pass the 4096 characters the
 * API server passes on whole. {@code bench/realworld.sh} prints the counts per rule.
 */
class RealWorldCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUDGET = 4096;

    @Test
    void noFalseDenialAndEveryObjectWithinTheWarningBudget() throws IOException {
        Path realworld = SharedData.dir("realworld");
        Set<String> expected = new HashSet<>();
        List<String> lines = Files.readAllLines(realworld.resolve("expected-denials.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] cols = line.split("\t");
            if (cols.length >= 2) {
                expected.add(cols[0] + " " + cols[1]);
            }
        }
        List<Path> files;
        try (Stream<Path> all = Files.list(realworld.resolve("corpus"))) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(files.size() >= 100, "the corpus lost files: " + files.size());
        List<String> problems = new ArrayList<>();
        Set<String> denied = new HashSet<>();
        int objects = 0;
        long start = System.nanoTime();
        for (Path file : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {"lint", "--format", "json", file.toString()}, InputStream.nullInputStream(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String name = file.getFileName().toString();
            if (code != Main.OK && code != Main.DENIED) {
                problems.add(name + ": lint exit " + code + ": " + err.toString(StandardCharsets.UTF_8));
                continue;
            }
            for (JsonNode o : JSON.readTree(out.toByteArray()).path("objects")) {
                objects++;
                String ref = name + " " + o.path("kind").asText() + "/" + o.path("name").asText();
                for (JsonNode d : o.path("denials")) {
                    String key = name + " " + d.path("rule").asText();
                    denied.add(key);
                    if (!expected.contains(key)) {
                        problems.add(ref + ": false denial " + d.path("message").asText());
                    }
                }
                int total = 0;
                for (JsonNode w : o.path("warnings")) {
                    total += w.path("message").asText().length();
                }
                if (total > BUDGET) {
                    problems.add(ref + ": warnings take " + total + " characters, over " + BUDGET);
                }
            }
        }
        System.out.printf("RealWorldCorpusTest: %d files, %d objects linted each file alone in %.0f ms%n",
                files.size(), objects, (System.nanoTime() - start) / 1e6);
        assertEquals(List.of(), problems);
        assertTrue(denied.containsAll(expected), () -> "expected denials not found: " + expected + " vs " + denied);
    }
}
