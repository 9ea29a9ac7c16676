package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.rules.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lint}: every mirror set of the inputs judged by the webhook's engine, with the other
 * inputs as the cluster. Each object is validated as a CREATE against the index of all inputs;
 * the validator sets the object's own copy in the index aside, as it does for a live cluster.
 * The schema findings (X5) that only the linter can see are added after the engine's own.
 */
final class Lint {

    record Result(Workspace.Loaded object, Decision decision) {
    }

    private Lint() {
    }

    static List<Result> run(Workspace w, MirrorSetValidator validator) {
        List<Result> out = new ArrayList<>(w.objects().size());
        for (Workspace.Loaded o : w.objects()) {
            Decision d;
            if (o.blocking() != null) {
                d = o.blocking().denies() ? Decision.deny(o.blocking())
                        : new Decision(List.of(), List.of(o.blocking()), java.util.Map.of());
            } else {
                d = withSchemaFindings(validator.validate(o.set(), null, w.index()), o.schema());
            }
            out.add(new Result(o, d));
        }
        return out;
    }

    private static Decision withSchemaFindings(Decision d, List<Finding> schema) {
        if (schema.isEmpty()) {
            return d;
        }
        List<Finding> denials = new ArrayList<>(d.denials());
        List<Finding> warnings = new ArrayList<>(d.warnings());
        for (Finding f : schema) {
            (f.denies() ? denials : warnings).add(f);
        }
        return new Decision(denials, d.wouldDeny(), warnings, d.mergedOrders());
    }
}
