package io.idmswebhook.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.nodes.PullResolution;
import io.idmswebhook.core.nodes.RenderResult;

/**
 * How one pull is served ({@link PullResolution}), as text for people and as JSON
 * ({@code "format": "idms-explain/v1"}) for {@code idms-lint explain} and {@code GET /explain}.
 */
public final class Explain {

    public static final String FORMAT = "idms-explain/v1";

    private Explain() {
    }

    public static ObjectNode json(String image, RenderResult rendered, String view) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        root.put("view", view);
        root.put("image", image);
        if (rendered.refused()) {
            root.put("canSucceed", false);
            root.put("failure", refusedText(rendered));
            root.putArray("endpoints");
            return root;
        }
        PullResolution p = PullResolution.resolve(rendered.conf(), image);
        if (p.reference() != null) {
            root.put("reference", p.reference().toString());
            root.put("pull", p.digestPull() ? "digest" : "tag");
        }
        if (p.registry() != null) {
            ObjectNode reg = root.putObject("registry");
            reg.put(p.registry().prefix().isEmpty() ? "location" : "prefix", p.registry().scope());
            reg.put("blocked", p.registry().blocked());
            reg.put("insecure", p.registry().insecure());
        } else {
            root.putNull("registry");
        }
        ArrayNode endpoints = root.putArray("endpoints");
        for (PullResolution.Endpoint e : p.endpoints()) {
            ObjectNode n = endpoints.addObject();
            n.put("kind", e.mirror() ? "mirror" : "source");
            n.put("location", e.location());
            if (e.rewritten() != null) {
                n.put("reference", e.rewritten());
            } else {
                n.putNull("reference");
                n.put("problem", e.problem());
            }
            n.put("blocked", e.blocked());
            if (e.blockedBy() != null) {
                n.put("blockedBy", e.blockedBy());
            }
            n.put("insecure", e.insecure());
        }
        root.put("canSucceed", p.canSucceed());
        if (!p.canSucceed()) {
            root.put("failure", p.whyItFails());
        }
        return root;
    }

    public static String text(String image, RenderResult rendered) {
        if (rendered.refused()) {
            return "pull of " + image + ": " + refusedText(rendered) + "\n";
        }
        PullResolution p = PullResolution.resolve(rendered.conf(), image);
        StringBuilder sb = new StringBuilder();
        if (p.reference() == null) {
            return "pull of " + image + " cannot succeed: " + p.whyItFails() + "\n";
        }
        sb.append(p.digestPull() ? "digest" : "tag").append(" pull of ").append(p.reference()).append('\n');
        if (p.registry() == null) {
            sb.append("no registries.conf entry matches: the node pulls it as it is\n");
        } else {
            sb.append("matching entry: ").append(p.registry().prefix().isEmpty() ? "location " : "prefix ")
                    .append(p.registry().scope()).append(p.registry().blocked() ? " (blocked)" : "").append('\n');
        }
        int i = 1;
        for (PullResolution.Endpoint e : p.endpoints()) {
            sb.append("  ").append(i++).append(". ");
            if (e.rewritten() == null) {
                sb.append(e.mirror() ? "mirror " : "source ").append(e.location()).append(": ").append(e.problem())
                        .append('\n');
                continue;
            }
            sb.append(e.rewritten()).append(e.mirror() ? "  (mirror)" : "  (source)");
            if (e.blocked()) {
                sb.append("  blocked by ").append(e.blockedBy()).append(", skipped");
            }
            if (e.insecure()) {
                sb.append("  insecure");
            }
            sb.append('\n');
        }
        sb.append(p.canSucceed() ? "the node tries these in order and uses the first that has the image\n"
                : "this pull cannot succeed: " + p.whyItFails() + "\n");
        return sb.toString();
    }

    private static String refusedText(RenderResult rendered) {
        return "the Machine Config Operator refuses to render registries.conf (" + rendered.refusal().reason()
                + "), so the nodes keep the file they have";
    }
}
