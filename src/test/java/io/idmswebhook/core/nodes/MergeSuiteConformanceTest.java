package io.idmswebhook.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.json.MirrorSetTranslator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The other projects' own tests of the node-side merge (runtime-utils, the Machine Config
 * Operator), translated into {@code merge-suite.jsonl}: every line must come out exactly as the
 * upstream test expects. The file is shared data read in place; it is never copied into this
 * repository, and a missing file fails the test rather than passing as zero cases.
 */
class MergeSuiteConformanceTest {

    static final Path SUITE = Path.of("..", "shared", "conformance", "merge-suite.jsonl");
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> lines() throws IOException {
        assertTrue(Files.isRegularFile(SUITE), "the conformance suite " + SUITE.toAbsolutePath()
                + " is missing: check out the shared data beside the repository");
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(SUITE, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void everyLineRendersAsUpstreamExpects() throws IOException {
        List<JsonNode> lines = lines();
        List<String> differences = new ArrayList<>();
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (JsonNode line : lines) {
            String type = line.path("type").asText();
            counts.merge(type, 1, Integer::sum);
            String name = line.path("name").asText();
            String got;
            String want;
            switch (type) {
                case "registries" -> {
                    // runtime-utils tests call EditRegistriesConfig alone; the operator's validate first
                    boolean editOnly = line.path("origin").asText().startsWith("openshift/runtime-utils");
                    RenderResult r = editOnly ? Rendering.edit(sets(line), imageConfig(line))
                            : Rendering.render(sets(line), imageConfig(line));
                    got = r.refused() ? "refused: " + r.refusal().reason() : registries(r.conf());
                    want = JSON.writeValueAsString(line.path("expect").path("registries"));
                    JsonNode search = line.path("template").path("unqualifiedSearchRegistries");
                    if (!r.refused() && !search.isMissingNode()) {
                        assertEquals(strings(search), r.conf().unqualifiedSearchRegistries(), name);
                    }
                }
                case "validate" -> {
                    List<MirrorSet> sets = sets(line);
                    Refusal refusal = Rendering.validate(strings(line.path("insecureRegistries")),
                            strings(line.path("blockedRegistries")), strings(line.path("allowedRegistries")),
                            ofKind(sets, MirrorSetKind.IDMS), ofKind(sets, MirrorSetKind.ICSP),
                            ofKind(sets, MirrorSetKind.ITMS));
                    got = refusal == null ? "null" : refusal.reason();
                    JsonNode error = line.path("expect").path("error");
                    want = error.isNull() ? "null" : error.asText();
                }
                case "topoGraph" -> {
                    got = null;
                    want = JSON.writeValueAsString(line.path("expect").path("order"));
                    List<JsonNode> edges = new ArrayList<>();
                    line.path("edges").forEach(edges::add);
                    for (int rotation = 0; rotation < Math.max(1, edges.size()); rotation++) {
                        String order = JSON.writeValueAsString(topoOrder(edges, rotation));
                        if (!order.equals(want)) {
                            got = order + " (rotation " + rotation + ")";
                            break;
                        }
                    }
                    got = got == null ? want : got;
                }
                case "blockedRegistries" -> {
                    PayloadBlocking r = PayloadBlocking.of(line.path("releaseImage").asText(),
                            strings(line.path("blockedRegistries")), strings(line.path("insecureRegistries")),
                            List.of(), sets(line));
                    JsonNode expect = line.path("expect");
                    StringBuilder g = new StringBuilder();
                    StringBuilder w = new StringBuilder();
                    w.append("error=").append(expect.has("error"));
                    g.append("error=").append(r.error() != null);
                    if (expect.has("errorFromCode")) {
                        w.append(' ').append(expect.path("errorFromCode").asText());
                        g.append(' ').append(r.error());
                    }
                    for (String list : List.of("registriesBlocked", "policyBlocked", "allowed")) {
                        if (expect.has(list)) {
                            w.append(' ').append(list).append('=').append(expect.get(list).isNull() ? "[]"
                                    : strings(expect.get(list)));
                            g.append(' ').append(list).append('=').append(switch (list) {
                                case "registriesBlocked" -> r.registriesBlocked();
                                case "policyBlocked" -> r.policyBlocked();
                                default -> r.allowed();
                            });
                        }
                    }
                    if (expect.has("registriesBlockedExcludes")) {
                        for (String excluded : strings(expect.get("registriesBlockedExcludes"))) {
                            assertFalse(r.registriesBlocked().contains(excluded), name);
                        }
                    }
                    got = g.toString();
                    want = w.toString();
                }
                default -> throw new AssertionError("unknown line type " + type + " in " + name);
            }
            if (!got.equals(want)) {
                differences.add(name + "\n  want " + want + "\n  got  " + got);
            }
        }
        assertEquals(70, lines.size(), "lines in the suite " + counts);
        assertEquals(List.of(), differences, differences.size() + " of " + lines.size() + " lines differ " + counts);
    }

    /**
     * {@code TestTopoGraph} sorts bare edges. The merge sorts mirror lists for a source; a list
     * {@code [from, to, SINK]} per edge gives the same graph plus a sink that every node precedes
     * and that sorts after every name, so the merge emits it last and drops it as the source.
     */
    private static List<String> topoOrder(List<JsonNode> edges, int rotation) {
        String sink = "~sink";
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            JsonNode e = edges.get((i + rotation) % edges.size());
            lists.add(List.of(e.get(0).asText(), e.get(1).asText(), sink));
        }
        return lists.isEmpty() ? List.of() : MirrorMerge.merge(sink, lists).order();
    }

    private static String registries(RegistriesConf conf) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RegistriesConf.Registry r : conf.registries()) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            if (r.prefix().isEmpty()) {
                m.put("location", r.location());
            } else {
                m.put("prefix", r.prefix());
            }
            m.put("blocked", r.blocked());
            m.put("insecure", r.insecure());
            List<Map<String, Object>> mirrors = new ArrayList<>();
            for (RegistriesConf.Mirror mi : r.mirrors()) {
                Map<String, Object> mm = new java.util.LinkedHashMap<>();
                mm.put("location", mi.location());
                mm.put("insecure", mi.insecure());
                mm.put("pullFromMirror", mi.pullFromMirror());
                mirrors.add(mm);
            }
            m.put("mirrors", mirrors);
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    static List<MirrorSet> sets(JsonNode line) {
        List<MirrorSet> out = new ArrayList<>();
        for (MirrorSetKind kind : List.of(MirrorSetKind.IDMS, MirrorSetKind.ITMS, MirrorSetKind.ICSP)) {
            String field = kind == MirrorSetKind.IDMS ? "idms" : kind == MirrorSetKind.ITMS ? "itms" : "icsp";
            for (JsonNode o : line.path(field)) {
                ObjectNode object = JSON.createObjectNode();
                object.put("apiVersion", kind.apiVersion());
                object.put("kind", kind.kind());
                object.putObject("metadata").put("name", o.path("name").asText());
                object.set("spec", o.path("spec"));
                try {
                    out.add(MirrorSetTranslator.read(kind, object, o.path("name").asText()));
                } catch (Exception e) {
                    throw new AssertionError(line.path("name").asText() + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    private static List<MirrorSet> ofKind(List<MirrorSet> sets, MirrorSetKind kind) {
        return sets.stream().filter(s -> s.kind() == kind).toList();
    }

    static ImageConfig imageConfig(JsonNode line) {
        return new ImageConfig(strings(line.path("allowedRegistries")), strings(line.path("blockedRegistries")),
                strings(line.path("insecureRegistries")));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
