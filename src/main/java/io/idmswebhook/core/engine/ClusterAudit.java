package io.idmswebhook.core.engine;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.view.ClusterView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every object already in the cluster judged against the others, as the validating webhook would
 * judge it written now: the object takes the place of its stored copy, and nothing is excused by
 * the ratchet. (Ratcheting an object against itself would excuse every denial it has, which would
 * hide exactly the old mistakes, made before the webhook was there, that the audit is for.)
 *
 * <p>The validator carries the configured per-rule overrides in deny mode, so in warn mode the
 * audit's denials are what switching to deny would block. Stateless and thread-safe.
 */
public final class ClusterAudit {

    /** One object and what the rules found in it. */
    public record Audited(MirrorSetKind kind, String name, Decision decision) {

        public String ref() {
            return kind.ref(name);
        }
    }

    /** In the order the answer lists them: by kind, then name. */
    static final Comparator<MirrorSet> ORDER = Comparator.comparing(MirrorSet::kind).thenComparing(MirrorSet::name);

    private final MirrorSetValidator validator;

    /** @param validator with the enforcement the audit reports under (see the class comment) */
    public ClusterAudit(MirrorSetValidator validator) {
        this.validator = validator;
    }

    /** The configured enforcement in deny mode: what the service's audit uses. */
    public static ClusterAudit of(MirrorSetValidator configured) {
        return new ClusterAudit(new MirrorSetValidator(configured.limits(),
                configured.enforcement().withMode(Enforcement.Mode.DENY)));
    }

    public List<Audited> run(ClusterView cluster) {
        List<MirrorSet> objects = new ArrayList<>(cluster.objects());
        objects.sort(ORDER);
        List<Audited> out = new ArrayList<>(objects.size());
        for (MirrorSet set : objects) {
            out.add(new Audited(set.kind(), set.name(), validator.validate(set, null, cluster)));
        }
        return out;
    }
}
