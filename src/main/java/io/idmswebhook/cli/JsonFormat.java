package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.json.DecisionJson;
import io.idmswebhook.json.Preview;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --format json}: the document of the README's "Offline lint and preview"
 * ({@code "format": "idms-lint/v1"}). Fields are only ever added, so scripts written against an
 * older version keep working.
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
        List<Lint.Result> results = report.results();
        Workspace w = report.workspace();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", "idms-lint/v1");
        root.put("allowed", !report.anyDenied());
        ObjectNode summary = root.putObject("summary");
        int denied = 0;
        int denials = 0;
        int wouldDeny = 0;
        int warnings = 0;
        Map<String, Integer> byKind = new TreeMap<>();
        for (MirrorSetKind k : MirrorSetKind.values()) {
            byKind.put(k.kind(), 0);
        }
        for (Lint.Result r : results) {
            denied += r.decision().allowed() ? 0 : 1;
            denials += r.decision().denials().size();
            wouldDeny += r.decision().wouldDeny().size();
            warnings += r.decision().warnings().size();
            byKind.merge(r.object().kind().kind(), 1, Integer::sum);
        }
        summary.put("objects", results.size());
        ObjectNode kinds = summary.putObject("kinds");
        byKind.forEach(kinds::put);
        summary.put("denied", denied);
        summary.put("denials", denials);
        summary.put("wouldDeny", wouldDeny);
        summary.put("warnings", warnings + wouldDeny);
        summary.put("ignored", w.ignored());
        summary.put("imageConfig", w.hasImageConfig());
        ArrayNode objects = root.putArray("objects");
        for (Lint.Result r : results) {
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
            DecisionJson.write(r.decision(), n);
        }
        return root;
    }
}
