package io.idmswebhook.core.rules;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.List;

/** Rule M1: a write of a kind that OpenShift has deprecated, with the way out. */
public final class DeprecationRules {

    private DeprecationRules() {
    }

    /** M1 for every ImageContentSourcePolicy that is created or changed. */
    public static void check(MirrorSet set, List<Finding> out) {
        if (set.kind() != MirrorSetKind.ICSP) {
            return;
        }
        out.add(Finding.warn(RuleId.M1, "kind", set.ref(),
                "ImageContentSourcePolicy is deprecated since OpenShift 4.13 in favour of"
                        + " ImageDigestMirrorSet, which the nodes read the same way",
                "run the linter's migrate command (idms-lint migrate) to write the equivalent ImageDigestMirrorSet"));
    }
}
