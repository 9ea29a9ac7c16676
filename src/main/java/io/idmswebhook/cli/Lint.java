package io.idmswebhook.cli;

import io.idmswebhook.core.engine.Decision;
import io.idmswebhook.core.engine.MirrorSetValidator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lint}: every mirror set of the inputs judged by the webhook's engine, with the other
 * inputs as the cluster. Each object is validated as a CREATE against the index of all inputs;
 * the validator sets the object's own copy in the index aside, as it does for a live cluster.
 */
final class Lint {

    record Result(Workspace.Loaded object, Decision decision) {
    }

    private Lint() {
    }

    static List<Result> run(Workspace w, MirrorSetValidator validator) {
        List<Result> out = new ArrayList<>(w.objects().size());
        for (Workspace.Loaded o : w.objects()) {
            Decision d = o.shapeError() != null
                    ? Decision.deny(o.shapeError())
                    : validator.validate(o.set(), null, w.index());
            out.add(new Result(o, d));
        }
        return out;
    }
}
