package io.idmswebhook.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.rules.Finding;
import java.util.List;
import java.util.TreeMap;

/**
 * One object's decision in the linter's JSON ({@code idms-lint/v1}): {@code allowed}, then
 * {@code denials}, {@code warnings} and {@code mergedOrders}. {@code idms-lint lint --format json}
 * and the service's {@code GET /audit} both write it here, so the two can be read by one tool.
 *
 * <p>A denial that enforcement lowered is listed first among the warnings, as the API server shows
 * it: verdict {@code WARN}, {@code "wouldDeny": true}, and a message that starts with
 * {@code would deny: }.
 */
public final class DecisionJson {

    private DecisionJson() {
    }

    public static void write(Decision decision, ObjectNode out) {
        writeFindings(decision, out);
        ObjectNode orders = out.putObject("mergedOrders");
        new TreeMap<String, List<String>>(decision.mergedOrders()).forEach((source, order) -> {
            ArrayNode a = orders.putArray(source);
            order.forEach(a::add);
        });
    }

    /** {@code allowed}, {@code denials} and {@code warnings} as {@link #write} puts them, without the merged orders. */
    public static void writeFindings(Decision decision, ObjectNode out) {
        out.put("allowed", decision.allowed());
        ArrayNode denials = out.putArray("denials");
        for (Finding f : decision.denials()) {
            finding(denials.addObject(), f, f.verdict().name(), f.message());
        }
        ArrayNode warnings = out.putArray("warnings");
        for (Finding f : decision.wouldDeny()) {
            finding(warnings.addObject(), f, "WARN", Decision.wouldDenyMessage(f)).put("wouldDeny", true);
        }
        for (Finding f : decision.warnings()) {
            finding(warnings.addObject(), f, f.verdict().name(), f.message());
        }
    }

    private static ObjectNode finding(ObjectNode n, Finding f, String verdict, String message) {
        n.put("rule", f.rule().name());
        n.put("verdict", verdict);
        n.put("path", f.path());
        n.put("value", f.subject());
        n.put("message", message);
        return n;
    }
}
