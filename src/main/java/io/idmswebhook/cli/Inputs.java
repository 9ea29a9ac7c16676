package io.idmswebhook.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.idmswebhook.json.MirrorSetTranslator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the command's PATH arguments into Kubernetes objects with the place each field was
 * written: files (YAML or JSON, several documents each), directories (recursively,
 * {@code *.yaml}, {@code *.yml}, {@code *.json}, in name order so the output is the same on every
 * machine), {@code -} for standard input, and the items of {@code List} kinds.
 *
 * <p>A file that cannot be used is an {@link InputProblem} and the others are still read, so one
 * binary or template in a folder never hides the findings of the rest. A folder holding a
 * {@code kustomization.yaml} is not read as loose files: its patches are not the objects that
 * kustomize builds from them.
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

    record Input(Origin origin, JsonNode object, Positions positions) {
    }

    /** What the PATHs held: the objects, the inputs that could not be used, and whether a PATH named a file. */
    record Read(List<Input> inputs, List<InputProblem> problems, boolean fileNamed) {
    }

    static final String STDIN = "-";
    /** How standard input is named in the output. */
    static final String STDIN_NAME = "stdin";

    private static final Set<String> KUSTOMIZATION_FILES = Set.of("kustomization.yaml", "kustomization.yml",
            "Kustomization");

    // YAML 1.1 is a superset of the JSON that Kubernetes tools write, so one parser reads both.
    private final YAMLFactory yaml = new YAMLFactory();
    private final ObjectMapper mapper = new ObjectMapper(yaml);
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final InputStream stdin;

    Inputs(InputStream stdin) {
        this.stdin = stdin;
    }

    Read read(List<String> paths) throws UsageException {
        if (paths.stream().filter(STDIN::equals).count() > 1) {
            throw new UsageException("'-' (standard input) is given twice; give it once");
        }
        List<Input> out = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        boolean fileNamed = false;
        for (String p : paths) {
            if (STDIN.equals(p)) {
                fileNamed = true;
                readStream(STDIN_NAME, stdin, out, problems);
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                if (isKustomization(path)) {
                    problems.add(kustomize(path, InputProblem.Kind.KUSTOMIZE));
                    continue;
                }
                for (Path f : filesUnder(path, problems)) {
                    readFile(f, out, problems);
                }
            } else {
                fileNamed = true;
                readFile(path, out, problems);
            }
        }
        return new Read(out, problems, fileNamed);
    }

    private static InputProblem kustomize(Path dir, InputProblem.Kind kind) {
        String skipped = kind == InputProblem.Kind.KUSTOMIZE_SKIPPED ? "skipped: " : "";
        return new InputProblem(dir.toString(), Position.START, kind, skipped + "a kustomize folder (it holds "
                + kustomizationFile(dir) + "): its files are bases and patches, not the objects kustomize builds "
                + "from them; lint the build instead: kustomize build " + dir + " | idms-lint lint -");
    }

    private static boolean isKustomization(Path dir) {
        return kustomizationFile(dir) != null;
    }

    private static String kustomizationFile(Path dir) {
        for (String name : KUSTOMIZATION_FILES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return name;
            }
        }
        return null;
    }

    private static List<Path> filesUnder(Path dir, List<InputProblem> problems) {
        List<Path> kustomizations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> {
                if (Files.isDirectory(p) && !p.equals(dir) && isKustomization(p)) {
                    kustomizations.add(p);
                }
                return Files.isRegularFile(p) && isManifest(p);
            }).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.add(new InputProblem(dir.toString(), Position.START, InputProblem.Kind.UNREADABLE,
                    "cannot list the folder: " + reason(e)));
            return List.of();
        }
        kustomizations.sort(null);
        for (Path k : kustomizations) {
            problems.add(kustomize(k, InputProblem.Kind.KUSTOMIZE_SKIPPED));
        }
        return files.stream().filter(f -> kustomizations.stream().noneMatch(f::startsWith)).toList();
    }

    private static boolean isManifest(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private void readFile(Path f, List<Input> out, List<InputProblem> problems) {
        String name = f.toString();
        if (!Files.exists(f)) {
            problems.add(unreadable(name, Position.START, "no such file or directory"));
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            problems.add(unreadable(name, Position.START, "cannot read the file: " + reason(e)));
            return;
        }
        readBytes(name, bytes, out, problems);
    }

    private void readStream(String name, InputStream in, List<Input> out, List<InputProblem> problems) {
        try {
            readBytes(name, in.readAllBytes(), out, problems);
        } catch (IOException e) {
            problems.add(unreadable(name, Position.START, "cannot read standard input: " + reason(e)));
        }
    }

    /** Reads every document of one input; on any error the whole input is one problem and adds nothing. */
    private void readBytes(String name, byte[] bytes, List<Input> out, List<InputProblem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(unreadable(name, Position.START, "not a text file in UTF-8 (" + firstBadByte(bytes)
                    + "); give only YAML or JSON manifests"));
            return;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            problems.add(unreadable(name, Position.START, "not a text file (a NUL byte at offset " + nul
                    + "); give only YAML or JSON manifests"));
            return;
        }
        List<Input> read = new ArrayList<>();
        int document = 0;
        try (JsonParser p = yaml.createParser(text)) {
            while (p.nextToken() != null) {
                Map<String, Position> positions = new HashMap<>();
                Position start = position(p.currentTokenLocation());
                positions.put("", start);
                JsonNode node = value(p, "", positions);
                int index = document++;
                if (node.isNull()) {
                    continue; // an empty document, e.g. after a trailing "---"
                }
                InputProblem bad = add(new Origin(name, index, -1), node, positions, start, read);
                if (bad != null) {
                    problems.add(bad);
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(syntax(name, e, text.contains("{{")));
            return;
        } catch (IOException | RuntimeException e) {
            problems.add(unreadable(name, Position.START, "cannot be read as YAML or JSON: " + reason(e)));
            return;
        }
        out.addAll(read);
    }

    /** {@code byte 0x89 at offset 0}: the first byte that does not start or continue a UTF-8 character. */
    private static String firstBadByte(byte[] bytes) {
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer sink = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        d.decode(in, sink, true);
        int at = in.position();
        return at < bytes.length ? String.format(Locale.ROOT, "byte 0x%02x at offset %d", bytes[at] & 0xff, at)
                : "it ends inside a character";
    }

    private JsonNode value(JsonParser p, String path, Map<String, Position> positions) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = nodes.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    String child = path.isEmpty() ? field : path + "." + field;
                    positions.put(child, position(p.currentTokenLocation()));
                    p.nextToken();
                    o.set(field, value(p, child, positions));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = nodes.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + i++ + "]";
                    positions.put(child, position(p.currentTokenLocation()));
                    a.add(value(p, child, positions));
                }
                return a;
            }
            case VALUE_STRING:
                return nodes.textNode(p.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return nodes.booleanNode(t == JsonToken.VALUE_TRUE);
            case VALUE_NULL:
                return nodes.nullNode();
            default:
                // numbers and !!binary, typed as the mapper types them
                return mapper.readTree(p);
        }
    }

    private static Position position(JsonLocation at) {
        return at == null ? Position.START : new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    private static InputProblem add(Origin origin, JsonNode node, Map<String, Position> positions, Position start,
                                    List<Input> out) {
        if (!node.isObject()) {
            return new InputProblem(origin.file(), start, InputProblem.Kind.NOT_AN_OBJECT, "document " + origin.doc()
                    + " is " + MirrorSetTranslator.describe(node)
                    + ", not a Kubernetes object; every document must be a mapping with apiVersion and kind");
        }
        String kind = node.path("kind").asText("");
        JsonNode items = node.get("items");
        if (kind.endsWith("List") && items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                Origin at = new Origin(origin.file(), origin.document(), i);
                Positions where = new Positions(positions, "items[" + i + "]");
                if (!item.isObject()) {
                    return new InputProblem(origin.file(), where.of(""), InputProblem.Kind.NOT_AN_OBJECT, "document "
                            + at.doc() + " is " + MirrorSetTranslator.describe(item) + ", not a Kubernetes object");
                }
                out.add(new Input(at, item, where));
            }
            return null;
        }
        out.add(new Input(origin, node, new Positions(positions, "")));
        return null;
    }

    private static InputProblem unreadable(String file, Position at, String message) {
        return new InputProblem(file, at, InputProblem.Kind.UNREADABLE, message);
    }

    /** The YAML parser's own words and place, without the Java exception around them. */
    private static InputProblem syntax(String name, JsonProcessingException e, boolean template) {
        Position at = position(e.getLocation());
        String what = plain(e.getOriginalMessage());
        if (e.getCause() instanceof MarkedYAMLException y) {
            Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
            if (mark != null) {
                at = new Position(mark.getLine() + 1, mark.getColumn() + 1);
            }
            String context = y.getContext() == null ? "" : y.getContext() + ": ";
            what = plain(context + (y.getProblem() == null ? "" : y.getProblem()));
        }
        return unreadable(name, at, "not valid YAML or JSON at line " + at.line() + ", column " + at.column() + ": "
                + what + (template
                ? "; this looks like a template ({{ }}): lint what it renders, e.g. helm template ... | idms-lint lint -"
                : "; fix the syntax"));
    }

    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        String m = cause.getMessage();
        return m == null || m.isBlank() ? "an input/output error" : plain(m);
    }

    /** One line, without the Java class names that some library messages carry. */
    static String plain(String message) {
        if (message == null) {
            return "";
        }
        String m = message.replaceAll("\\s*\\n\\s*", " ")
                .replace(" (Scalar value in YAML)", "");
        // the YAML parser names the event it met by its class: say what it is in the file instead
        Matcher event = PARSER_EVENT.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (event.find()) {
            event.appendReplacement(sb, Matcher.quoteReplacement(switch (event.group(1)) {
                case "MappingStart" -> "a mapping ({ or an indented key: value)";
                case "SequenceStart" -> "a list ([ or an indented -)";
                case "Scalar" -> "a value";
                case "Alias" -> "an alias (*name)";
                default -> "the end of a mapping or list";
            }));
        }
        event.appendTail(sb);
        return sb.toString()
                .replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*", "")
                .replaceAll("\\s+\\(through reference chain[^)]*\\)", "")
                .strip();
    }

    private static final Pattern PARSER_EVENT = Pattern.compile("<?(?:[a-z]+\\.)+(\\w+?)Event(?:\\([^)]*\\))?>?");
}
