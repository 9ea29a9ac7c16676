package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.rules.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
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
                as the cluster, and reports each finding with its file, line and column. PATH is a
                YAML or JSON file (several documents and List kinds allowed), a directory (read
                recursively: *.yaml, *.yml, *.json) or - for standard input. A directory holding a
                kustomization.yaml is not read as loose files: pipe kustomize build into lint -.
                An input that cannot be read is reported and the others are still checked.

                The enforcement settings are the webhook's: --enforcement warn reports denials as
                warnings that start with "would deny:", --rule ID=warn lowers one rule's denials,
                ID=deny makes its warnings denials and ID=off drops it. They are read from
                .idms-lint.yaml in the working directory (or --config FILE) when there is one;
                the flags win over the file.

                Exit codes: 0 nothing denied; 1 something denied (--strict: or warned); 2 a usage
                error, or an input that could not be used (reported with the findings).""";
    }

    @Override
    public List<Flag> flags() {
        List<Flag> flags = new ArrayList<>(List.of(
                Flag.choice("format", "FORMAT", "output format", "text", LintFormat.names()),
                Flag.toggle("strict", "fail (exit 1) on warnings too, and deny fields the schema does not have (X5)"),
                Flag.negatableToggle("fail-on-empty", "exit 2 when the inputs hold no mirror set"
                        + " (default: on when a PATH is a file or -, off for directories only)")));
        flags.addAll(EnforcementOptions.FLAGS);
        return flags;
    }

    @Override
    public int run(Arguments args, Io io) throws UsageException {
        List<String> paths = args.operands();
        if (paths.isEmpty()) {
            throw new UsageException("needs at least one PATH (a file, a directory or - for standard input)");
        }
        boolean strict = args.on("strict");
        Enforcement enforcement;
        try {
            enforcement = EnforcementOptions.resolve(args, Path.of(""));
        } catch (InputException e) {
            io.err().println("idms-lint: " + e.getMessage());
            return Main.USAGE;
        }
        Inputs.Read read = new Inputs(io.in()).read(paths);
        Workspace workspace = Workspace.of(read, new SchemaFieldCheck(strict));
        List<Lint.Result> results = Lint.run(workspace, new MirrorSetValidator(Limits.DEFAULT, enforcement));
        List<InputProblem> problems = new ArrayList<>(workspace.problems());
        boolean failOnEmpty = args.toggle("fail-on-empty").orElse(read.fileNamed());
        if (failOnEmpty && results.isEmpty() && problems.stream().allMatch(p -> p.kind().notice())) {
            problems.add(new InputProblem(paths.get(0).equals(Inputs.STDIN) ? Inputs.STDIN_NAME : paths.get(0),
                    Position.START, InputProblem.Kind.NOTHING_CHECKED,
                    "no ImageDigestMirrorSet, ImageTagMirrorSet or ImageContentSourcePolicy in "
                            + String.join(", ", paths) + ", so nothing was checked; give the files that hold them"
                            + " (--no-fail-on-empty accepts an input without any)"));
        }
        LintReport report = new LintReport(results, problems, workspace, strict);
        LintFormat.named(args.value("format")).write(report, io);
        if (report.anyInputFailed()) {
            return Main.USAGE;
        }
        if (report.anyDenied()) {
            return Main.DENIED;
        }
        return strict && report.anyWarning() ? Main.DENIED : Main.OK;
    }
}
