package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.Enforcement;
import io.idmswebhook.core.engine.MirrorSetValidator;
import io.idmswebhook.core.rules.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code lint}: every mirror set of the inputs judged by the webhook's engine, with the other
 * inputs as the cluster. Each object is validated as a CREATE against the index of all inputs;
 * the validator sets the object's own copy in the index aside, as it does for a live cluster.
 * The schema findings (X5) that only the linter can see are made beside the engine's and take the
 * same enforcement settings, so {@code --rule X5=off} drops them as it drops any rule's.
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
                d = validator.enforcement().apply(o.blocking().denies() ? Decision.deny(o.blocking())
                        : new Decision(List.of(), List.of(o.blocking()), Map.of()));
            } else {
                d = withSchemaFindings(validator.validate(o.set(), null, w.index()), o.schema(), validator.enforcement());
            }
            out.add(new Result(o, d));
        }
        return out;
    }

    private static Decision withSchemaFindings(Decision d, List<Finding> schema, Enforcement enforcement) {
        if (schema.isEmpty()) {
            return d;
        }
        List<Finding> schemaDenials = new ArrayList<>();
        List<Finding> schemaWarnings = new ArrayList<>();
        for (Finding f : schema) {
            (f.denies() ? schemaDenials : schemaWarnings).add(f);
        }
        Decision judged = enforcement.apply(new Decision(schemaDenials, schemaWarnings, Map.of()));
        List<Finding> denials = new ArrayList<>(d.denials());
        denials.addAll(judged.denials());
        List<Finding> wouldDeny = new ArrayList<>(d.wouldDeny());
        wouldDeny.addAll(judged.wouldDeny());
        List<Finding> warnings = new ArrayList<>(d.warnings());
        warnings.addAll(judged.warnings());
        return new Decision(denials, wouldDeny, warnings, d.mergedOrders());
    }
}
