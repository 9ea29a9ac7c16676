package io.idmswebhook.admission;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.Golden;
import io.idmswebhook.Https;
import io.idmswebhook.testsupport.JsonLines;
import io.idmswebhook.testsupport.Reviews;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rule book's shared vectors ({@code vectors/*.jsonl}, copied byte for byte from the spec)
 * sent through {@code POST /validate} as the API server would send them, and judged the way the
 * black-box checker judges a running service. Cases that need objects already in the cluster are
 * left to the cluster tests: without a cluster they cannot be decided here.
 */
@QuarkusTest
class VectorEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RULE = Pattern.compile("\\[([A-Z][0-9]+)\\]");
    private static final Set<String> SYNTAX_RULES = Set.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");

    @TestHTTPResource(value = "/", tls = true)
    URL webhook;

    static Stream<Arguments> objectCases() {
        return JsonLines.read("/vectors/objects.jsonl").stream()
                .filter(c -> c.path("existing").isEmpty())
                .map(c -> Arguments.of(c.get("name").asText(), c));
    }

    static Stream<Arguments> locationCases() {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : JsonLines.read("/vectors/locations.jsonl")) {
            String v = c.get("value").asText();
            out.add(Arguments.of(JSON.valueToTree(v).toString() + " as source", c, "source"));
            out.add(Arguments.of(JSON.valueToTree(v).toString() + " as mirror", c, "mirror"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("objectCases")
    void objectCase(String name, JsonNode c) {
        String op = c.get("operation").asText();
        JsonNode object = c.get("object");
        JsonNode old = c.path("oldObject").isMissingNode() ? NullNode.instance : c.get("oldObject");
        ObjectNode review = Reviews.review(op, object, old);
        Answer a = send(review);
        JsonNode expect = c.get("expect");
        List<String> problems = new ArrayList<>(a.problems);
        if (a.allowed != expect.get("allowed").asBoolean()) {
            problems.add("allowed=" + a.allowed + " want " + expect.get("allowed") + " msg=" + a.message);
        }
        Set<String> wantDeny = strings(expect.get("deny"));
        if (!wantDeny.equals(a.deny)) {
            problems.add("deny rules " + a.deny + " want " + wantDeny);
        }
        Set<String> wantWarn = strings(expect.get("warn"));
        if (expect.path("warnExact").asBoolean() ? !wantWarn.equals(a.warn) : !a.warn.containsAll(wantWarn)) {
            problems.add("warn rules " + a.warn + " want " + (expect.path("warnExact").asBoolean() ? "exactly " : "at least ") + wantWarn);
        }
        String text = a.message + "\n" + String.join("\n", a.warnings);
        for (JsonNode other : expect.path("mentions")) {
            if (!text.contains(other.asText())) {
                problems.add("does not name " + other.asText());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expect.path("order").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> order = new ArrayList<>();
            e.getValue().forEach(n -> order.add(n.asText()));
            String stated = "nodes will use " + String.join(", ", order);
            if (a.warnings.stream().noneMatch(w -> w.contains(e.getKey()) && w.contains(stated))) {
                problems.add("'" + stated + "' for " + e.getKey() + " not stated");
            }
        }
        assertTrue(problems.isEmpty(), name + ": " + problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("locationCases")
    void locationCase(String name, JsonNode c, String role) {
        String v = c.get("value").asText();
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        if (role.equals("source")) {
            entry.put("source", v);
            entry.putArray("mirrors").add("mirror.example.net/ns");
        } else {
            entry.put("source", "src.example.net");
            entry.putArray("mirrors").add(v);
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", "config.openshift.io/v1").put("kind", "ImageDigestMirrorSet");
        object.putObject("metadata").put("name", "location-check");
        object.putObject("spec").putArray("imageDigestMirrors").add(entry);
        String want = c.get(role.equals("source") ? "asSource" : "asMirror").asText();
        String rule = c.get(role.equals("source") ? "sourceRule" : "mirrorRule").asText();

        Answer a = send(Reviews.review("CREATE", object, null));
        List<String> problems = new ArrayList<>(a.problems);
        if (want.equals("deny") && (a.allowed || !a.deny.contains(rule))) {
            problems.add("want deny [" + rule + "], got allowed=" + a.allowed + " msg=" + a.message);
        }
        if ((want.equals("ok") || want.equals("warn")) && !a.allowed) {
            problems.add("want allowed, got denied: " + a.message);
        }
        if (want.equals("warn") && !a.warn.contains(rule)) {
            problems.add("want warning [" + rule + "], got " + a.warn);
        }
        if (want.equals("ok") && a.warn.stream().anyMatch(SYNTAX_RULES::contains)) {
            problems.add("want no syntax warning, got " + a.warn);
        }
        assertTrue(problems.isEmpty(), name + ": " + problems);
    }

    private record Answer(boolean allowed, String message, List<String> warnings, Set<String> deny, Set<String> warn,
                          List<String> problems) {
    }

    private Answer send(ObjectNode review) {
        Response r = Https.to(webhook).contentType("application/json")
                .body(review.toString().getBytes(StandardCharsets.UTF_8)).post("/validate");
        List<String> problems = new ArrayList<>();
        if (r.statusCode() != 200) {
            problems.add("http " + r.statusCode() + " " + r.asString());
            return new Answer(false, "", List.of(), Set.of(), Set.of(), problems);
        }
        JsonNode resp = Golden.tree(r.asByteArray()).path("response");
        if (!review.get("request").get("uid").asText().equals(resp.path("uid").asText())) {
            problems.add("uid not echoed");
        }
        boolean allowed = resp.path("allowed").asBoolean();
        String message = resp.path("status").path("message").asText("");
        List<String> warnings = new ArrayList<>();
        resp.path("warnings").forEach(w -> warnings.add(w.asText()));
        Set<String> deny = allowed ? Set.of() : rules(message);
        Set<String> warn = new LinkedHashSet<>();
        warnings.forEach(w -> warn.addAll(rules(w)));
        return new Answer(allowed, message, warnings, deny, warn, problems);
    }

    private static Set<String> rules(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
