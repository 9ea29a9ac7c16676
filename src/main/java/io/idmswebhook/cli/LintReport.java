package io.idmswebhook.cli;

import java.util.List;

/** What one {@code lint} run found, as every output format reads it. */
record LintReport(List<Lint.Result> results, Workspace workspace) {

    boolean anyDenied() {
        return results.stream().anyMatch(r -> !r.decision().allowed());
    }

    boolean anyWarning() {
        return results.stream().anyMatch(r -> !r.decision().warnings().isEmpty() || r.decision().loweredByEnforcement());
    }
}
