package io.idmswebhook.cli;

import io.idmswebhook.json.Preview;
import java.util.List;

/**
 * {@code idms-lint preview}: the registries.conf the nodes get from the inputs. Exit 1 when the
 * Machine Config Operator would refuse to render it, with the operator's reason.
 */
final class PreviewCommand implements Command {

    @Override
    public String name() {
        return "preview";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public String summary() {
        return "print the registries.conf the nodes will get";
    }

    @Override
    public String description() {
        return """
                Prints /etc/containers/registries.conf as the Machine Config Operator renders it
                from the mirror sets of the inputs and the image config among them (Image/cluster):
                the same entries in the same order, with their flags and mirrors. Exits 1 with the
                operator's reason when it would refuse to render the file at all. PATH is read as
                for lint.""";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.choice("format", "FORMAT", "output format", "toml", List.of("toml", "json")));
    }

    @Override
    public int run(Arguments args, Io io) throws UsageException {
        List<String> paths = args.operands();
        if (paths.isEmpty()) {
            throw new UsageException("needs at least one PATH (a file, a directory or - for standard input)");
        }
        Workspace workspace = Workspace.of(new Inputs(io.in()).read(paths), new SchemaFieldCheck(false));
        boolean failed = false;
        for (InputProblem p : workspace.problems()) {
            io.err().println("idms-lint preview: " + p);
            failed |= !p.kind().notice();
        }
        if (failed) {
            // a preview of part of the inputs would show registries the nodes will not render
            return Main.USAGE;
        }
        Preview p = Preview.of(workspace.index().objects(), workspace.index().imageConfig());
        if (args.value("format").equals("json")) {
            io.out().print(Preview.pretty(p.json("files")));
        } else if (!p.rendered().refused()) {
            io.out().print(p.toml());
        }
        if (p.rendered().refused()) {
            var refusal = p.rendered().refusal();
            io.err().println("idms-lint: the Machine Config Operator refuses to render registries.conf: "
                    + refusal.reason() + (refusal.rule() == null ? "" : " [" + refusal.rule().name() + "]"));
            return Main.DENIED;
        }
        return Main.OK;
    }
}
