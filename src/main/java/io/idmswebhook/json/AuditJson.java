package io.idmswebhook.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.engine.ClusterAudit.Audited;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.rules.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code GET /audit}: the objects of the cluster view that have findings, each as the linter's
 * JSON writes an object ({@link DecisionJson}: {@code allowed}, {@code denials}, {@code warnings})
 * with {@code sources}, those of its sources that have mirrors; the objects without findings by reference only; and the merged mirror
 * order of every source once per mirror group. Every object of a source has the same merged order
 * for it (the whole cluster's lists merged), so writing it once per object made the answer grow
 * with objects times sources: tens of MiB at 10,000 objects. An object's orders are
 * {@code mergedOrders[group][source]} for each of its {@code sources}, the group being
 * {@code digest} for ImageDigestMirrorSet and ImageContentSourcePolicy, {@code tag} for
 * ImageTagMirrorSet.
 *
 * <pre>
 * {"format": "idms-audit/v2", "clusterChecks": "on", "auditedAt": "...", "durationMillis": 12,
 *  "enforcement": {"mode": "warn", "judgedAs": "deny", "rules": {"P3": "deny"}},
 *  "summary": {"objects": 3, "kinds": {...}, "denied": 1, "denials": 1, "wouldDeny": 0, "warnings": 2,
 *              "clean": 1, "findings": {"P4": {"deny": 1}, "O3": {"warn": 2}}},
 *  "objects": [{"apiVersion", "kind", "name", "allowed", "denials", "warnings", "sources"}],
 *  "clean": ["ImageDigestMirrorSet/name", ...],
 *  "mergedOrders": {"digest": {"quay.io/ns": ["mirror.example.net/ns"]}, "tag": {}}}
 * </pre>
 */
public final class AuditJson {

    public static final String FORMAT = "idms-audit/v2";

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
        summary.put("clean", clean(objects).size());
        ArrayNode list = root.putArray("objects");
        Map<MirrorGroup, Map<String, List<String>>> orders = new EnumMap<>(MirrorGroup.class);
        for (MirrorGroup g : MirrorGroup.values()) {
            orders.put(g, new TreeMap<>());
        }
        for (Audited a : objects) {
            Decision d = a.decision();
            d.mergedOrders().forEach(orders.get(a.kind().mirrorGroup())::putIfAbsent);
            if (clean(d)) {
                continue;
            }
            ObjectNode n = list.addObject();
            n.put("apiVersion", a.kind().apiVersion());
            n.put("kind", a.kind().kind());
            n.put("name", a.name());
            DecisionJson.writeFindings(d, n);
            ArrayNode sources = n.putArray("sources");
            new TreeSet<>(d.mergedOrders().keySet()).forEach(sources::add);
        }
        ArrayNode clean = root.putArray("clean");
        clean(objects).forEach(clean::add);
        ObjectNode merged = root.putObject("mergedOrders");
        orders.forEach((group, bySource) -> {
            ObjectNode g = merged.putObject(group == MirrorGroup.DIGEST ? "digest" : "tag");
            bySource.forEach((source, order) -> {
                ArrayNode o = g.putArray(source);
                order.forEach(o::add);
            });
        });
        return root;
    }

    private static boolean clean(Decision d) {
        return d.denials().isEmpty() && d.wouldDeny().isEmpty() && d.warnings().isEmpty();
    }

    private static List<String> clean(List<Audited> objects) {
        List<String> out = new ArrayList<>();
        for (Audited a : objects) {
            if (clean(a.decision())) {
                out.add(a.ref());
            }
        }
        return out;
    }

    /** Before the first audit, or without cluster checks: no objects, and why. */
    public static ObjectNode empty(boolean clusterChecks, String note, Enforcement configured) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("clusterChecks", clusterChecks ? "on" : "off");
        enforcement(root.putObject("enforcement"), configured);
        root.put("note", note);
        root.putArray("objects");
        root.putArray("clean");
        ObjectNode merged = root.putObject("mergedOrders");
        merged.putObject("digest");
        merged.putObject("tag");
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
