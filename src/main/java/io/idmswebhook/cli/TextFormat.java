package io.idmswebhook.cli;

/**
 * {@code --format text}: {@code file:line:column: Kind/name: field: message [RULE]}, denials of an
 * object first, then the inputs that could not be used; the positions are the ones editors and
 * compilers print, so a terminal or an editor jumps to them. A summary line goes to standard
 * error so the counts never mix with the findings.
 */
final class TextFormat implements LintFormat {

    @Override
    public String name() {
        return "text";
    }

    @Override
    public void write(LintReport report, Io io) {
        StringBuilder sb = new StringBuilder();
        for (Lint.Result r : report.results()) {
            Workspace.Loaded o = r.object();
            for (LintReport.Shown f : LintReport.findings(r)) {
                sb.append(o.origin().file()).append(':').append(o.positions().of(f.finding().path())).append(": ")
                        .append(o.ref()).append(": ").append(f.message()).append('\n');
            }
        }
        for (InputProblem p : report.problems()) {
            sb.append(p).append('\n');
        }
        io.out().print(sb);
        io.err().println(summary(report));
    }

    static String summary(LintReport report) {
        int denied = 0;
        int denials = 0;
        int wouldDeny = 0;
        int warnings = 0;
        for (Lint.Result r : report.results()) {
            denied += r.decision().allowed() ? 0 : 1;
            denials += r.decision().denials().size();
            wouldDeny += r.decision().wouldDeny().size();
            warnings += r.decision().warnings().size();
        }
        long failed = report.problems().stream().filter(p -> !p.kind().notice()).count();
        long skipped = report.problems().size() - failed;
        Workspace w = report.workspace();
        return "lint: " + report.results().size() + " mirror set(s) checked, " + denied + " denied (" + denials
                + " denial(s)), " + (wouldDeny > 0 ? wouldDeny + " would-be denial(s) lowered by enforcement, " : "")
                + warnings + " warning(s); " + w.ignored() + " other object(s) ignored"
                + (w.hasImageConfig() ? "; image config read" : "")
                + (failed > 0 ? "; " + failed + " input problem(s), so the run fails" : "")
                + (skipped > 0 ? "; " + skipped + " kustomize folder(s) skipped" : "");
    }
}
