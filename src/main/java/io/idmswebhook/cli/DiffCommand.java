package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.nodes.DrainDecision;
import io.idmswebhook.core.nodes.NodeImpact;
import io.idmswebhook.core.nodes.RenderResult;
import io.idmswebhook.core.nodes.Rendering;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.json.Preview;
import java.io.InputStream;
import java.util.List;

/**
 * {@code idms-lint diff [--format text|json] [--fail-on-drain] BASE_PATH HEAD_PATH}: how the
 * nodes' registries.conf changes between two trees of manifests (a pull request's base and head),
 * and what the daemon does about it (rules N1 and N2). Exit 1 when the operator would refuse to
 * render the head, or, with {@code --fail-on-drain}, when the nodes would drain.
 */
final class DiffCommand implements Command {

    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String operands() {
        return "BASE_PATH HEAD_PATH";
    }

    @Override
    public String summary() {
        return "show how registries.conf changes between two manifest trees, and whether nodes drain";
    }

    @Override
    public String description() {
        return """
                Renders registries.conf from BASE_PATH and from HEAD_PATH (a pull request's base
                and head), prints the change line by line and what the Machine Config Operator's
                daemon does about it: nothing, a CRI-O reload, or a drain of every node (N1); and
                the sources left without mirrors (N2). Exits 1 when the operator would refuse to
                render the head, and with --fail-on-drain when the nodes would drain.""";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.choice("format", "FORMAT", "output format", "text", List.of("text", "json")),
                Flag.toggle("fail-on-drain", "exit 1 when the change drains the nodes"));
    }

    @Override
    public int run(Arguments args, Io io) throws UsageException {
        List<String> paths = args.operands();
        if (paths.size() != 2) {
            throw new UsageException("needs exactly two paths, BASE_PATH and HEAD_PATH, not " + paths.size());
        }
        RenderResult base;
        RenderResult head;
        try {
            base = render(paths.get(0), io.in());
            head = render(paths.get(1), io.in());
        } catch (InputException e) {
            io.err().println("idms-lint: " + e.getMessage());
            return Main.USAGE;
        }
        boolean comparable = !base.refused() && !head.refused();
        DrainDecision drain = comparable ? DrainDecision.between(base.conf(), head.conf()) : null;
        List<Finding> findings = comparable ? NodeImpact.findings(base.conf(), head.conf(), "") : List.of();
        if (args.value("format").equals("json")) {
            io.out().print(Preview.pretty(json(base, head, drain, findings)));
        } else {
            io.out().print(text(paths, base, head, drain, findings));
        }
        if (head.refused()) {
            return Main.DENIED;
        }
        return args.on("fail-on-drain") && drain != null && drain.drains() ? Main.DENIED : Main.OK;
    }

    private static RenderResult render(String path, InputStream stdin) throws InputException, UsageException {
        Workspace w = Workspace.complete(stdin, List.of(path));
        return Rendering.render(w.index().objects(), w.index().imageConfig());
    }

    private static String text(List<String> paths, RenderResult base, RenderResult head, DrainDecision drain,
                               List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        if (base.refused() || head.refused()) {
            for (int i = 0; i < 2; i++) {
                RenderResult r = i == 0 ? base : head;
                if (r.refused()) {
                    sb.append(i == 0 ? "base" : "head").append(" (").append(paths.get(i))
                            .append("): the Machine Config Operator refuses to render registries.conf: ")
                            .append(r.refusal().reason()).append('\n');
                }
            }
            return sb.toString();
        }
        if (!drain.fileChanged()) {
            return "registries.conf does not change: nothing reaches the nodes\n";
        }
        sb.append("--- registries.conf from ").append(paths.get(0)).append('\n');
        sb.append("+++ registries.conf from ").append(paths.get(1)).append('\n');
        for (String line : LineDiff.lines(base.conf().toml(), head.conf().toml())) {
            sb.append(line).append('\n');
        }
        sb.append('\n');
        if (!drain.drains()) {
            sb.append("no drain: the daemon reloads CRI-O on every node in place\n");
        }
        for (Finding f : findings) {
            sb.append(f.message()).append('\n');
        }
        return sb.toString();
    }

    private static ObjectNode json(RenderResult base, RenderResult head, DrainDecision drain, List<Finding> findings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", "idms-diff/v1");
        side(root.putObject("base"), base);
        side(root.putObject("head"), head);
        if (drain != null) {
            root.put("changed", drain.fileChanged());
            root.put("drain", drain.drains());
            if (drain.drains()) {
                root.put("firstUnsafeChange", drain.firstUnsafeChange());
            }
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : findings) {
            fs.addObject().put("rule", f.rule().name()).put("message", f.message());
        }
        return root;
    }

    private static void side(ObjectNode n, RenderResult r) {
        if (r.refused()) {
            n.put("refused", r.refusal().reason());
        } else {
            n.put("toml", r.conf().toml());
        }
    }
}
