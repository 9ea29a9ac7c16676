package io.idmswebhook.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.nodes.RenderResult;
import io.idmswebhook.core.nodes.Rendering;
import io.idmswebhook.json.Explain;
import io.idmswebhook.json.Preview;
import java.util.List;

/**
 * {@code idms-lint explain IMAGE [PATH...]}: the endpoints a node tries for one pull, in order,
 * with the registries.conf rendered from the inputs. Exit 1 when the pull cannot succeed.
 */
final class ExplainCommand implements Command {

    @Override
    public String name() {
        return "explain";
    }

    @Override
    public String operands() {
        return "IMAGE [PATH...]";
    }

    @Override
    public String summary() {
        return "show the endpoints a node tries for one pull, in order";
    }

    @Override
    public String description() {
        return """
                Renders registries.conf from the inputs (none: an empty file) and lists, for one
                pull of IMAGE (quay.io/ns/app@sha256:... for a digest pull, quay.io/ns/app:1.2 for
                a tag pull), the endpoints the node tries in order as containers/image computes
                them: the mirrors of the entry with the longest matching prefix that serve this
                kind of pull, each with its rewritten reference, then the source; blocked and
                insecure endpoints are marked. Exits 1 when the pull cannot succeed.""";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.choice("format", "FORMAT", "output format", "text", List.of("text", "json")));
    }

    @Override
    public int run(Arguments args, Io io) throws UsageException {
        List<String> operands = args.operands();
        if (operands.isEmpty()) {
            throw new UsageException("needs an IMAGE (quay.io/ns/app@sha256:... or quay.io/ns/app:1.2)");
        }
        String image = operands.get(0);
        Workspace workspace;
        try {
            workspace = Workspace.complete(io.in(), operands.subList(1, operands.size()));
        } catch (InputException e) {
            io.err().println("idms-lint: " + e.getMessage());
            return Main.USAGE;
        }
        RenderResult rendered = Rendering.render(workspace.index().objects(), workspace.index().imageConfig());
        ObjectNode json = Explain.json(image, rendered, "files");
        io.out().print(args.value("format").equals("json") ? Preview.pretty(json) : Explain.text(image, rendered));
        return json.path("canSucceed").asBoolean() ? Main.OK : Main.DENIED;
    }
}
