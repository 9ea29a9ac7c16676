package io.idmswebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Golden JSON fixtures: compared as JSON trees, so key order and spacing do not matter. */
public final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Request/answer pairs that POST /validate must reproduce exactly. */
    public static final Path VALIDATE_CASES = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /** Names of the {@code NAME.request.json} / {@code NAME.response.json} pairs in {@code dir}, sorted. */
    public static Stream<String> cases(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".request.json"))
                    .map(n -> n.substring(0, n.length() - ".request.json".length()))
                    .sorted().toList().stream();
        }
    }

    public static byte[] file(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode tree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void assertJson(byte[] expected, String actual, String what) {
        JsonNode want = tree(expected);
        JsonNode got = tree(actual.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!want.equals(got)) {
            assertEquals(want.toPrettyString(), got.toPrettyString(), what);
        }
    }
}
