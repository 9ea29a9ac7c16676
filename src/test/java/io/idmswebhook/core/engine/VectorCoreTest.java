package io.idmswebhook.core.engine;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.MirrorSetIndex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.idmswebhook.core.VectorObjects;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.testsupport.JsonLines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared vector, and our own rule cases in the same format, through the core engine with the
 * cluster's objects in an index.
 */
class VectorCoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SYNTAX = Set.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9", "S10");
    private final MirrorSetValidator validator = new MirrorSetValidator();

    static Stream<Arguments> objects() {
        List<JsonNode> all = new ArrayList<>(JsonLines.read("/vectors/objects.jsonl"));
        // our own cases, in the vectors' format, for rules the shared vectors do not reach
        all.addAll(JsonLines.read("/cases/rules.jsonl"));
        // DELETE is allowed by the admission layer without asking the engine: VectorEndpointTest
        // sends those cases through /validate
        return all.stream().filter(c -> !c.path("operation").asText().equals("DELETE"))
                .map(c -> Arguments.of(Named.of(c.path("name").asText(), c)));
    }

    static Stream<Arguments> locations() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : JsonLines.read("/vectors/locations.jsonl")) {
            String v = c.path("value").asText();
            out.add(Arguments.of(Named.of(JSON.writeValueAsString(v) + " as source", c), true));
            out.add(Arguments.of(Named.of(JSON.writeValueAsString(v) + " as mirror", c), false));
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("objects")
    void objectCase(JsonNode c) {
        JsonNode expect = c.path("expect");
        String op = c.path("operation").asText();
        MirrorSet object = VectorObjects.mirrorSet(c.path("object"));
        MirrorSetIndex cluster = new MirrorSetIndex(ClusterState.READY);
        for (JsonNode e : c.path("existing")) {
            if (VectorObjects.isImageConfig(e)) {
                cluster.setImageConfig(VectorObjects.imageConfig(e));
            } else {
                cluster.put(VectorObjects.mirrorSet(e));
            }
        }
        MirrorSet old = c.hasNonNull("oldObject") ? VectorObjects.mirrorSet(c.path("oldObject")) : null;
        Decision d = validator.validate(object, old, cluster);

        assertEquals(expect.path("allowed").asBoolean(), d.allowed(), () -> "decision: " + d);
        assertEquals(ids(expect.path("deny")), rules(d.denials()), () -> "denials: " + d.denials());
        Set<String> warned = rules(d.warnings());
        if (expect.path("warnExact").asBoolean()) {
            assertEquals(ids(expect.path("warn")), warned, () -> "warnings: " + d.warnings());
        } else {
            assertTrue(warned.containsAll(ids(expect.path("warn"))), () -> "warnings: " + d.warnings());
        }
        String all = d.statusMessage() + "\n" + String.join("\n", d.warningMessages());
        expect.path("mentions").forEach(m -> assertTrue(all.contains(m.asText()), () -> "names " + m + ": " + all));
        expect.path("order").fields().forEachRemaining(o -> {
            List<String> order = new ArrayList<>();
            o.getValue().forEach(n -> order.add(n.asText()));
            String stated = "nodes will use " + String.join(", ", order);
            assertTrue(d.warningMessages().stream().anyMatch(w -> w.contains(o.getKey()) && w.contains(stated)),
                    () -> "'" + stated + "' for " + o.getKey() + " in " + d.warningMessages());
            assertEquals(order, d.mergedOrders().get(o.getKey()));
        });
    }

    @ParameterizedTest
    @MethodSource("locations")
    void locationCase(JsonNode c, boolean asSource) throws IOException {
        String value = c.path("value").asText();
        String want = c.path(asSource ? "asSource" : "asMirror").asText();
        String rule = c.path(asSource ? "sourceRule" : "mirrorRule").asText();
        String entry = asSource
                ? "{\"source\":" + JSON.writeValueAsString(value) + ",\"mirrors\":[\"mirror.example.net/ns\"]}"
                : "{\"source\":\"src.example.net\",\"mirrors\":[" + JSON.writeValueAsString(value) + "]}";
        MirrorSet set = VectorObjects.mirrorSet(JSON.readTree("{\"apiVersion\":\"config.openshift.io/v1\","
                + "\"kind\":\"ImageDigestMirrorSet\",\"metadata\":{\"name\":\"location-check\"},"
                + "\"spec\":{\"imageDigestMirrors\":[" + entry + "]}}"));
        Decision d = validator.validate(set, null, ClusterView.OFF);
        Set<String> warned = rules(d.warnings());
        switch (want) {
            case "deny" -> {
                assertFalse(d.allowed(), () -> "want denied: " + d);
                assertTrue(rules(d.denials()).contains(rule), () -> "want [" + rule + "]: " + d.denials());
            }
            case "warn" -> {
                assertTrue(d.allowed(), () -> "want allowed: " + d);
                assertTrue(warned.contains(rule), () -> "want warning [" + rule + "]: " + d.warnings());
            }
            case "ok" -> {
                assertTrue(d.allowed(), () -> "want allowed: " + d);
                assertTrue(warned.stream().noneMatch(SYNTAX::contains), () -> "no syntax warning: " + d.warnings());
            }
            default -> throw new IllegalArgumentException(want);
        }
    }

    private static Set<String> rules(List<Finding> findings) {
        return findings.stream().map(f -> f.rule().name()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(RuleId.valueOf(n.asText()).name()));
        return out;
    }
}
