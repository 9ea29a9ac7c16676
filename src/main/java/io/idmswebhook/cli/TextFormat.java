package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.rules.Finding;

/**
 * {@code --format text}: {@code file:doc-index: Kind/name: field: message [RULE]}, denials of an
 * object first, and a summary line on standard error so the counts never mix with the findings.
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
            String prefix = r.object().origin() + ": " + r.object().ref() + ": ";
            for (Finding f : r.decision().denials()) {
                sb.append(prefix).append(f.message()).append('\n');
            }
            for (Finding f : r.decision().wouldDeny()) {
                sb.append(prefix).append(Decision.wouldDenyMessage(f)).append('\n');
            }
            for (Finding f : r.decision().warnings()) {
                sb.append(prefix).append(f.message()).append('\n');
            }
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
        Workspace w = report.workspace();
        return "lint: " + report.results().size() + " mirror set(s) checked, " + denied + " denied (" + denials
                + " denial(s)), " + (wouldDeny > 0 ? wouldDeny + " would-be denial(s) lowered by enforcement, " : "")
                + warnings + " warning(s); " + w.ignored() + " other object(s) ignored"
                + (w.hasImageConfig() ? "; image config read" : "");
    }
}
