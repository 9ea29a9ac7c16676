package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.rules.Limits;
import java.nio.file.Path;
import java.util.List;

/** {@code idms-lint lint}: every mirror set of the inputs judged by the webhook's rules. */
final class LintCommand implements Command {

    @Override
    public String name() {
        return "lint";
    }

    @Override
    public String operands() {
        return "PATH...";
    }

    @Override
    public String summary() {
        return "judge every ImageDigestMirrorSet, ImageTagMirrorSet and ImageContentSourcePolicy";
    }

    @Override
    public String description() {
        return """
                Judges every mirror set of the inputs with the webhook's rules, all inputs together
                as the cluster. PATH is a YAML or JSON file (several documents and List kinds
                allowed), a directory (read recursively: *.yaml, *.yml, *.json) or - for standard
                input.

                The enforcement settings are the webhook's: --enforcement warn reports denials as
                warnings that start with "would deny:", --rule ID=warn lowers one rule's denials,
                ID=deny makes its warnings denials and ID=off drops it. They are read from
                .idms-lint.yaml in the working directory (or --config FILE) when there is one;
                the flags win over the file.

                Exit codes: 0 nothing denied; 1 something denied (--strict: or warned); 2 a usage
                error or an input that could not be read.""";
    }

    @Override
    public List<Flag> flags() {
        List<Flag> flags = new java.util.ArrayList<>(List.of(
                Flag.choice("format", "FORMAT", "output format", "text", LintFormat.names()),
                Flag.toggle("strict", "fail (exit 1) on warnings too")));
        flags.addAll(EnforcementOptions.FLAGS);
        return flags;
    }

    @Override
    public int run(Arguments args, Io io) throws UsageException {
        List<String> paths = args.operands();
        if (paths.isEmpty()) {
            throw new UsageException("needs at least one PATH (a file, a directory or - for standard input)");
        }
        Workspace workspace;
        Enforcement enforcement;
        try {
            enforcement = EnforcementOptions.resolve(args, Path.of(""));
            workspace = Workspace.of(new Inputs(io.in()).read(paths));
        } catch (InputException e) {
            io.err().println("idms-lint: " + e.getMessage());
            return Main.USAGE;
        }
        LintReport report = new LintReport(Lint.run(workspace,
                new MirrorSetValidator(Limits.DEFAULT, enforcement)), workspace);
        LintFormat.named(args.value("format")).write(report, io);
        if (report.anyDenied()) {
            return Main.DENIED;
        }
        return args.on("strict") && report.anyWarning() ? Main.DENIED : Main.OK;
    }
}
