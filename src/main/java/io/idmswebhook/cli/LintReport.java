package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.rules.Finding;
import java.util.ArrayList;
import java.util.List;

/** What one {@code lint} run found, as every output format reads it. */
/**
 * @param problems the inputs that could not be used, and notices about skipped ones
 * @param strict   warnings fail the run, so formats that mark objects as failed count them
 */
record LintReport(List<Lint.Result> results, List<InputProblem> problems, Workspace workspace, boolean strict) {

    boolean anyDenied() {
        return results.stream().anyMatch(r -> !r.decision().allowed());
    }

    boolean anyWarning() {
        return results.stream().anyMatch(r -> !r.decision().warnings().isEmpty()
                || r.decision().loweredByEnforcement());
    }

    /** An input could not be used, so the run is incomplete: exit 2. */
    boolean anyInputFailed() {
        return problems.stream().anyMatch(p -> !p.kind().notice());
    }

    /**
     * One finding as the formats print it: a denial that enforcement lowered is a warning whose
     * message starts with {@code would deny:}, as the API server shows it.
     */
    record Shown(Finding finding, String message, boolean denies) {
    }

    /** Denials first, then lowered denials, then warnings: the order every format lists an object's findings in. */
    static List<Shown> findings(Lint.Result r) {
        Decision d = r.decision();
        List<Shown> all = new ArrayList<>(d.denials().size() + d.wouldDeny().size() + d.warnings().size());
        d.denials().forEach(f -> all.add(new Shown(f, f.message(), true)));
        d.wouldDeny().forEach(f -> all.add(new Shown(f, Decision.wouldDenyMessage(f), false)));
        d.warnings().forEach(f -> all.add(new Shown(f, f.message(), f.denies())));
        return all;
    }
}
