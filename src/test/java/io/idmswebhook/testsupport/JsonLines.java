package io.idmswebhook.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The test vectors and our own cases: JSON Lines files on the test class path. */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    /**
     * One JSON value per non-blank line of the class path resource (e.g.
     * {@code /vectors/objects.jsonl}). A missing resource or a line that is not JSON fails with
     * the resource and line number, so a lost or broken vector file cannot pass as zero cases.
     */
    public static List<JsonNode> read(String resource) {
        String name = resource.startsWith("/") ? resource : "/" + resource;
        InputStream in = JsonLines.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("no " + name + " on the test class path");
        }
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IllegalStateException(name + " line " + number + " is not JSON: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
        return out;
    }
}
