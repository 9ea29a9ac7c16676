package io.idmswebhook.core.engine;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one object (and, on UPDATE, its old version) against the rule book and the cluster
 * view. Stateless and thread-safe: one instance serves every request.
 */
public final class MirrorSetValidator {

    public Decision validate(MirrorSet object, MirrorSet oldObject, ClusterView cluster) {
        List<Finding> denials = new ArrayList<>();
        for (MirrorEntry e : object.entries()) {
            if (e.policy() != null && !e.hasRealMirror()) {
                denials.add(Finding.deny(RuleId.P1, object.entryPath(e.index()) + ".mirrorSourcePolicy",
                        e.source() + " " + e.policy(),
                        "mirrorSourcePolicy " + e.policy() + " is set but the entry has no mirror other than its source",
                        "add a mirror or remove mirrorSourcePolicy"));
            }
        }
        return new Decision(denials, List.of(), Map.of());
    }
}
