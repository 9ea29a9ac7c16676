package io.idmswebhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Golden JSON fixtures: compared as JSON trees, so key order and spacing do not matter. */
public final class Golden {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Golden() {
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
