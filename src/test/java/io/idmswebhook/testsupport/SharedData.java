package io.idmswebhook.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Other projects' data that the tests read where it lives, beside the repository
 * ({@code ../shared/conformance/}, {@code ../shared/realworld/}), never from a copy in it. A
 * missing folder fails the test that asks for it: a check that quietly skips is no check.
 */
public final class SharedData {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SharedData() {
    }

    /**
     * {@code shared/<name>} beside the repository root; a git worktree sits one level deeper than
     * a clone, so the folder above that is looked at too.
     */
    public static Path dir(String name) {
        List<Path> tried = new ArrayList<>();
        for (String base : List.of("../shared", "../../shared")) {
            Path dir = Path.of(base, name).toAbsolutePath().normalize();
            if (Files.isDirectory(dir)) {
                return dir;
            }
            tried.add(dir);
        }
        throw new IllegalStateException("shared/" + name + " is missing (looked at " + tried
                + "); put the shared folder beside the repository, as CI does");
    }

    /** One JSON value per non-blank line of {@code shared/<folder>/<file>}. */
    public static List<JsonNode> jsonLines(String folder, String file) {
        Path path = dir(folder).resolve(file);
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readTree(lines.get(i)));
            } catch (IOException e) {
                throw new IllegalStateException(path + " line " + (i + 1) + " is not JSON: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(path + " has no cases");
        }
        return out;
    }
}
