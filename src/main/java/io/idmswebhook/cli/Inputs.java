package io.idmswebhook.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads the command's PATH arguments into Kubernetes objects: files (YAML or JSON, several
 * documents each), directories (recursively, {@code *.yaml}, {@code *.yml}, {@code *.json}, in
 * name order so the output is the same on every machine), {@code -} for standard input, and the
 * items of {@code List} kinds.
 */
final class Inputs {

    /** Where an object came from: {@code file:0} or, inside a List, {@code file:0.items[3]}. */
    record Origin(String file, int document, int item) {
        String doc() {
            return item < 0 ? Integer.toString(document) : document + ".items[" + item + "]";
        }

        @Override
        public String toString() {
            return file + ":" + doc();
        }
    }

    record Input(Origin origin, JsonNode object) {
    }

    static final String STDIN = "-";
    /** How standard input is named in the output. */
    static final String STDIN_NAME = "stdin";

    // YAML 1.1 is a superset of the JSON that Kubernetes tools write, so one parser reads both.
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private final InputStream stdin;

    Inputs(InputStream stdin) {
        this.stdin = stdin;
    }

    List<Input> read(List<String> paths) throws InputException {
        List<Input> out = new ArrayList<>();
        boolean stdinRead = false;
        for (String p : paths) {
            if (STDIN.equals(p)) {
                if (stdinRead) {
                    throw new InputException("'-' (standard input) is given twice; give it once");
                }
                stdinRead = true;
                readStream(STDIN_NAME, stdin, out);
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                for (Path f : filesUnder(path)) {
                    readFile(f, out);
                }
            } else if (Files.isRegularFile(path)) {
                readFile(path, out);
            } else {
                throw new InputException(p + ": no such file or directory");
            }
        }
        return out;
    }

    private static List<Path> filesUnder(Path dir) throws InputException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(Inputs::isManifest).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(dir + ": cannot list the directory (" + e.getMessage() + ")");
        }
    }

    private static boolean isManifest(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private void readFile(Path f, List<Input> out) throws InputException {
        try (InputStream in = Files.newInputStream(f)) {
            readStream(f.toString(), in, out);
        } catch (IOException e) {
            throw new InputException(f + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    private void readStream(String name, InputStream in, List<Input> out) throws InputException {
        int document = 0;
        try (MappingIterator<JsonNode> docs = yaml.readerFor(JsonNode.class).readValues(in)) {
            while (docs.hasNextValue()) {
                JsonNode node = docs.nextValue();
                int index = document++;
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue; // an empty document, e.g. after a trailing "---"
                }
                add(new Origin(name, index, -1), node, out);
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InputException(name + ": not valid YAML or JSON" + where + ": "
                    + e.getOriginalMessage().replaceAll("\\s*\\n\\s*", " "));
        } catch (IOException | RuntimeException e) {
            throw new InputException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void add(Origin origin, JsonNode node, List<Input> out) throws InputException {
        if (!node.isObject()) {
            throw new InputException(origin + ": the document is " + io.idmswebhook.json.MirrorSetTranslator.describe(node)
                    + ", not a Kubernetes object; every document must be a mapping with apiVersion and kind");
        }
        String kind = node.path("kind").asText("");
        JsonNode items = node.get("items");
        if (kind.endsWith("List") && items != null && items.isArray() && origin.item() < 0) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                Origin at = new Origin(origin.file(), origin.document(), i);
                if (!item.isObject()) {
                    throw new InputException(at + ": the item is " + io.idmswebhook.json.MirrorSetTranslator.describe(item)
                            + ", not a Kubernetes object");
                }
                out.add(new Input(at, item));
            }
            return;
        }
        out.add(new Input(origin, node));
    }
}
