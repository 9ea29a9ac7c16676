package io.idmswebhook.cli;


/**
 * {@code --format github}: GitHub Actions workflow commands ({@code ::error file=,line=,col=::}),
 * which the runner turns into annotations on the pull request's changed lines. The summary goes
 * to standard error, as for text.
 */
final class GithubFormat implements LintFormat {

    @Override
    public String name() {
        return "github";
    }

    @Override
    public void write(LintReport report, Io io) {
        StringBuilder sb = new StringBuilder();
        for (Lint.Result r : report.results()) {
            Workspace.Loaded o = r.object();
            for (LintReport.Shown f : LintReport.findings(r)) {
                annotation(sb, f.denies() ? "error" : "warning", o.origin().file(),
                        o.positions().of(f.finding().path()), "idms-lint " + f.finding().rule().name(),
                        o.ref() + ": " + f.message());
            }
        }
        for (InputProblem p : report.problems()) {
            annotation(sb, p.kind().notice() ? "notice" : "error", p.file(), p.at(), "idms-lint " + p.kind().id(),
                    p.message());
        }
        io.out().print(sb);
        io.err().println(TextFormat.summary(report));
    }

    private static void annotation(StringBuilder sb, String level, String file, Position at, String title,
                                   String message) {
        sb.append("::").append(level)
                .append(" file=").append(property(file))
                .append(",line=").append(at.line())
                .append(",col=").append(at.column())
                .append(",title=").append(property(title))
                .append("::").append(data(message)).append('\n');
    }

    /** The runner's escaping of a command's message. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** The runner's escaping of a command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
