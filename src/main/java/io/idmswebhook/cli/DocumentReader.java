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
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The documents of one input (a file or standard input, YAML or JSON) as Kubernetes objects, with
 * the line and column where each field was written, so that every finding can point into the file;
 * the items of a {@code List} kind are objects of their own. Which inputs there are is
 * {@link Inputs}'s to say.
 *
 * <p>An input is used whole or not at all: text that is not UTF-8, a NUL byte, a syntax error or a
 * document that is not a mapping makes it one {@link InputProblem}, worded with the parser's own
 * words and place and without the Java around them.
 */
final class DocumentReader {

    // YAML 1.1 is a superset of the JSON that Kubernetes tools write, so one parser reads both.
    private final YAMLFactory yaml = new YAMLFactory();
    private final ObjectMapper mapper = new ObjectMapper(yaml);
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** Reads every document of one input; on any error the whole input is one problem and adds nothing. */
    void read(String name, byte[] bytes, List<Inputs.Input> out, List<InputProblem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(InputProblem.unreadable(name, Position.START, "not a text file in UTF-8 (" + firstBadByte(bytes)
                    + "); give only YAML or JSON manifests"));
            return;
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            problems.add(InputProblem.unreadable(name, Position.START, "not a text file (a NUL byte at offset " + nul
                    + "); give only YAML or JSON manifests"));
            return;
        }
        List<Inputs.Input> read = new ArrayList<>();
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
                InputProblem bad = add(new Inputs.Origin(name, index, -1), node, positions, start, read);
                if (bad != null) {
                    problems.add(bad);
                    return;
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(syntax(name, e, text.contains("{{")));
            return;
        } catch (IOException | RuntimeException e) {
            problems.add(InputProblem.unreadable(name, Position.START, "cannot be read as YAML or JSON: " + Inputs.reason(e)));
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

    private static InputProblem add(Inputs.Origin origin, JsonNode node, Map<String, Position> positions, Position start,
                                    List<Inputs.Input> out) {
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
                Inputs.Origin at = new Inputs.Origin(origin.file(), origin.document(), i);
                Positions where = new Positions(positions, "items[" + i + "]");
                if (!item.isObject()) {
                    return new InputProblem(origin.file(), where.of(""), InputProblem.Kind.NOT_AN_OBJECT, "document "
                            + at.doc() + " is " + MirrorSetTranslator.describe(item) + ", not a Kubernetes object");
                }
                out.add(new Inputs.Input(at, item, where));
            }
            return null;
        }
        out.add(new Inputs.Input(origin, node, new Positions(positions, "")));
        return null;
    }

    /** The YAML parser's own words and place, without the Java exception around them. */
    private static InputProblem syntax(String name, JsonProcessingException e, boolean template) {
        Position at = position(e.getLocation());
        String what = Inputs.plain(e.getOriginalMessage());
        if (e.getCause() instanceof MarkedYAMLException y) {
            Mark mark = y.getProblemMark() != null ? y.getProblemMark() : y.getContextMark();
            if (mark != null) {
                at = new Position(mark.getLine() + 1, mark.getColumn() + 1);
            }
            String context = y.getContext() == null ? "" : y.getContext() + ": ";
            what = Inputs.plain(context + (y.getProblem() == null ? "" : y.getProblem()));
        }
        return InputProblem.unreadable(name, at, "not valid YAML or JSON at line " + at.line() + ", column " + at.column() + ": "
                + what + (template
                ? "; this looks like a template ({{ }}): lint what it renders, e.g. helm template ... | idms-lint lint -"
                : "; fix the syntax"));
    }
}
