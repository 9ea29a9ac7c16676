package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code lint}: every mirror set of the inputs judged by the webhook's engine, with the other
 * inputs as the cluster. Each object is validated as a CREATE against the index of all inputs;
 * the validator sets the object's own copy in the index aside, as it does for a live cluster.
 */
final class Lint {

    record Result(Workspace.Loaded object, Decision decision) {
    }

    private Lint() {
    }

    static List<Result> run(Workspace w, MirrorSetValidator validator) {
        List<Result> out = new ArrayList<>(w.objects().size());
        for (Workspace.Loaded o : w.objects()) {
            Decision d = o.shapeError() != null
                    ? Decision.deny(o.shapeError())
                    : validator.validate(o.set(), null, w.index());
            out.add(new Result(o, d));
        }
        return out;
    }

    static boolean anyDenied(List<Result> results) {
        return results.stream().anyMatch(r -> !r.decision().allowed());
    }

    static boolean anyWarning(List<Result> results) {
        return results.stream().anyMatch(r -> !r.decision().warnings().isEmpty());
    }

    /** {@code file:doc-index: Kind/name: field: message [RULE]}, denials of an object first. */
    static String text(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        for (Result r : results) {
            String prefix = r.object().origin() + ": " + r.object().ref() + ": ";
            for (Finding f : r.decision().denials()) {
                sb.append(prefix).append(f.message()).append('\n');
            }
            for (Finding f : r.decision().warnings()) {
                sb.append(prefix).append(f.message()).append('\n');
            }
        }
        return sb.toString();
    }

    /** One line for standard error, so the counts never mix with the findings on standard output. */
    static String summary(List<Result> results, Workspace w) {
        int denied = 0;
        int denials = 0;
        int warnings = 0;
        for (Result r : results) {
            denied += r.decision().allowed() ? 0 : 1;
            denials += r.decision().denials().size();
            warnings += r.decision().warnings().size();
        }
        return "lint: " + results.size() + " mirror set(s) checked, " + denied + " denied (" + denials
                + " denial(s)), " + warnings + " warning(s); " + w.ignored() + " other object(s) ignored"
                + (w.hasImageConfig() ? "; image config read" : "");
    }

    /** The JSON documented in the README (Offline lint and preview) ({@code "format": "idms-lint/v1"}). */
    static ObjectNode json(List<Result> results, Workspace w) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", "idms-lint/v1");
        root.put("allowed", !anyDenied(results));
        ObjectNode summary = root.putObject("summary");
        int denied = 0;
        int denials = 0;
        int warnings = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (MirrorSetKind k : MirrorSetKind.values()) {
            byKind.put(k.kind(), 0);
        }
        for (Result r : results) {
            denied += r.decision().allowed() ? 0 : 1;
            denials += r.decision().denials().size();
            warnings += r.decision().warnings().size();
            byKind.merge(r.object().kind().kind(), 1, Integer::sum);
        }
        summary.put("objects", results.size());
        ObjectNode kinds = summary.putObject("kinds");
        byKind.forEach(kinds::put);
        summary.put("denied", denied);
        summary.put("denials", denials);
        summary.put("warnings", warnings);
        summary.put("ignored", w.ignored());
        summary.put("imageConfig", w.hasImageConfig());
        ArrayNode objects = root.putArray("objects");
        for (Result r : results) {
            Workspace.Loaded o = r.object();
            ObjectNode n = objects.addObject();
            n.put("file", o.origin().file());
            n.put("document", o.origin().document());
            if (o.origin().item() >= 0) {
                n.put("item", o.origin().item());
            }
            n.put("apiVersion", o.kind().apiVersion());
            n.put("kind", o.kind().kind());
            n.put("name", o.set().name());
            n.put("allowed", r.decision().allowed());
            findings(n.putArray("denials"), r.decision().denials());
            findings(n.putArray("warnings"), r.decision().warnings());
            ObjectNode orders = n.putObject("mergedOrders");
            new TreeMap<>(r.decision().mergedOrders()).forEach((source, order) -> {
                ArrayNode a = orders.putArray(source);
                order.forEach(a::add);
            });
        }
        return root;
    }

    private static void findings(ArrayNode out, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode n = out.addObject();
            n.put("rule", f.rule().name());
            n.put("verdict", f.verdict().name());
            n.put("path", f.path());
            n.put("value", f.subject());
            n.put("message", f.message());
        }
    }
}
