package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.json.DecisionJson;
import io.idmswebhook.json.Preview;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --format json}: the document of the README's "Offline lint and preview"
 * ({@code "format": "idms-lint/v1"}). Fields are only ever added, so scripts written against an
 * older version keep working; it is written whatever the exit code.
 */
final class JsonFormat implements LintFormat {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public void write(LintReport report, Io io) {
        io.out().print(Preview.pretty(tree(report)));
    }

    static ObjectNode tree(LintReport report) {
        Workspace w = report.workspace();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", "idms-lint/v1");
        root.put("allowed", !report.anyDenied());
        root.put("complete", !report.anyInputFailed());
        ObjectNode summary = root.putObject("summary");
        int denied = 0;
        int denials = 0;
        int wouldDeny = 0;
        int warnings = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (MirrorSetKind k : MirrorSetKind.values()) {
            byKind.put(k.kind(), 0);
        }
        for (Lint.Result r : report.results()) {
            denied += r.decision().allowed() ? 0 : 1;
            denials += r.decision().denials().size();
            wouldDeny += r.decision().wouldDeny().size();
            warnings += r.decision().warnings().size();
            byKind.merge(r.object().kind().kind(), 1, Integer::sum);
        }
        summary.put("objects", report.results().size());
        ObjectNode kinds = summary.putObject("kinds");
        byKind.forEach(kinds::put);
        summary.put("denied", denied);
        summary.put("denials", denials);
        summary.put("wouldDeny", wouldDeny);
        summary.put("warnings", warnings + wouldDeny);
        summary.put("ignored", w.ignored());
        summary.put("imageConfig", w.hasImageConfig());
        summary.put("problems", report.problems().size());
        ArrayNode objects = root.putArray("objects");
        for (Lint.Result r : report.results()) {
            Workspace.Loaded o = r.object();
            ObjectNode n = objects.addObject();
            n.put("file", o.origin().file());
            n.put("document", o.origin().document());
            if (o.origin().item() >= 0) {
                n.put("item", o.origin().item());
            }
            Position at = o.positions().of("");
            n.put("line", at.line());
            n.put("column", at.column());
            n.put("apiVersion", o.apiVersion());
            n.put("kind", o.kind().kind());
            n.put("name", o.set().name());
            DecisionJson.write(r.decision(), n);
            // DecisionJson lists the lowered denials first among the warnings
            List<Finding> warned = new ArrayList<>(r.decision().wouldDeny());
            warned.addAll(r.decision().warnings());
            positions((ArrayNode) n.get("denials"), r.decision().denials(), o.positions());
            positions((ArrayNode) n.get("warnings"), warned, o.positions());
        }
        ArrayNode problems = root.putArray("problems");
        for (InputProblem p : report.problems()) {
            ObjectNode n = problems.addObject();
            n.put("file", p.file());
            n.put("line", p.at().line());
            n.put("column", p.at().column());
            n.put("problem", p.kind().id());
            n.put("fails", !p.kind().notice());
            n.put("message", p.message());
        }
        return root;
    }

    private static void positions(ArrayNode written, List<Finding> findings, Positions positions) {
        for (int i = 0; i < findings.size(); i++) {
            Position at = positions.of(findings.get(i).path());
            ((ObjectNode) written.get(i)).put("line", at.line()).put("column", at.column());
        }
    }
}
