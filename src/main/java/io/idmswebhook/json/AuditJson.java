package io.idmswebhook.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.engine.ClusterAudit.Audited;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /audit}: every object in the cluster view with its findings, each object in the
 * linter's JSON ({@link DecisionJson}), so a script written for {@code idms-lint lint --format json}
 * reads it too.
 *
 * <pre>
 * {"format": "idms-audit/v1", "clusterChecks": "on", "auditedAt": "...", "durationMillis": 12,
 *  "enforcement": {"mode": "warn", "judgedAs": "deny", "rules": {"P3": "deny"}},
 *  "summary": {"objects": 3, "kinds": {...}, "denied": 1, "denials": 1, "wouldDeny": 0, "warnings": 2,
 *              "findings": {"P4": {"deny": 1}, "O3": {"warn": 2}}},
 *  "objects": [{"apiVersion", "kind", "name", "allowed", "denials", "warnings", "mergedOrders"}]}
 * </pre>
 */
public final class AuditJson {

    public static final String FORMAT = "idms-audit/v1";

    private AuditJson() {
    }

    public static ObjectNode report(List<Audited> objects, Instant at, long nanos, Enforcement configured) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("clusterChecks", "on");
        root.put("auditedAt", at.toString());
        root.put("durationMillis", nanos / 1_000_000);
        enforcement(root.putObject("enforcement"), configured);
        ObjectNode summary = root.putObject("summary");
        Map<String, Integer> byKind = new TreeMap<>();
        for (MirrorSetKind k : MirrorSetKind.values()) {
            byKind.put(k.kind(), 0);
        }
        int denied = 0;
        int denials = 0;
        int wouldDeny = 0;
        int warnings = 0;
        Map<String, Map<String, Integer>> findings = new TreeMap<>();
        for (Audited a : objects) {
            Decision d = a.decision();
            byKind.merge(a.kind().kind(), 1, Integer::sum);
            denied += d.allowed() ? 0 : 1;
            denials += d.denials().size();
            wouldDeny += d.wouldDeny().size();
            warnings += d.warnings().size();
            count(findings, d.denials(), "deny");
            count(findings, d.wouldDeny(), "would_deny");
            count(findings, d.warnings(), "warn");
        }
        summary.put("objects", objects.size());
        ObjectNode kinds = summary.putObject("kinds");
        byKind.forEach(kinds::put);
        summary.put("denied", denied);
        summary.put("denials", denials);
        summary.put("wouldDeny", wouldDeny);
        summary.put("warnings", warnings + wouldDeny);
        ObjectNode byRule = summary.putObject("findings");
        findings.forEach((rule, verdicts) -> {
            ObjectNode n = byRule.putObject(rule);
            verdicts.forEach(n::put);
        });
        ArrayNode list = root.putArray("objects");
        for (Audited a : objects) {
            ObjectNode n = list.addObject();
            n.put("apiVersion", a.kind().apiVersion());
            n.put("kind", a.kind().kind());
            n.put("name", a.name());
            DecisionJson.write(a.decision(), n);
        }
        return root;
    }

    /** Before the first audit, or without cluster checks: no objects, and why. */
    public static ObjectNode empty(boolean clusterChecks, String note, Enforcement configured) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("clusterChecks", clusterChecks ? "on" : "off");
        enforcement(root.putObject("enforcement"), configured);
        root.put("note", note);
        root.putArray("objects");
        return root;
    }

    private static void enforcement(ObjectNode n, Enforcement e) {
        n.put("mode", e.mode().label());
        // The audit always judges in deny mode: in warn mode it lists what deny mode would block.
        n.put("judgedAs", Enforcement.Mode.DENY.label());
        ObjectNode rules = n.putObject("rules");
        e.overrides().forEach((rule, action) -> rules.put(rule.name(), action.label()));
    }

    private static void count(Map<String, Map<String, Integer>> out, List<Finding> findings, String verdict) {
        for (Finding f : findings) {
            out.computeIfAbsent(f.rule().name(), r -> new TreeMap<>()).merge(verdict, 1, Integer::sum);
        }
    }

}
