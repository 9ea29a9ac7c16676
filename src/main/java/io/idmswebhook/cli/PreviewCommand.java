package io.idmswebhook.cli;

import io.idmswebhook.json.Preview;
import java.util.List;

/** {@code idms-lint preview}: the registries.conf entries the nodes will render from the inputs. */
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
        return "print the registries.conf entries the nodes will render";
    }

    @Override
    public String description() {
        return """
                Prints the [[registry]] entries that the Machine Config Operator renders into
                /etc/containers/registries.conf from the mirror sets of the inputs, sorted by
                source. PATH is read as for lint.""";
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
        Preview p = Preview.of(workspace.index().objects());
        io.out().print(args.value("format").equals("json") ? Preview.pretty(p.json("files")) : p.toml());
        return Main.OK;
    }
}
