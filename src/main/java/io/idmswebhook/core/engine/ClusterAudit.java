package io.idmswebhook.core.engine;

import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.nodes.UnchangedRendering;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.MirrorSetIndex;
import io.idmswebhook.core.view.SnapshotView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every object already in the cluster judged against the others, as the validating webhook would
 * judge it written now: the object takes the place of its stored copy, and nothing is excused by
 * the ratchet. (Ratcheting an object against itself would excuse every denial it has, which would
 * hide exactly the old mistakes, made before the webhook was there, that the audit is for.)
 *
 * <p>The answer is what {@link MirrorSetValidator#validate} gives for each object on its own;
 * what the objects of one source have in common is worked out once per run, so a run costs time
 * near-linear in the cluster even where thousands of objects name one source.
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

    /** Every object of the cluster, judged against a copy of it taken first. */
    public List<Audited> run(ClusterView cluster) {
        List<MirrorSet> objects = new ArrayList<>(cluster.objects());
        objects.sort(ORDER);
        MirrorSetIndex snapshot = snapshot(objects, cluster);
        List<Audited> out = new ArrayList<>(objects.size());
        Judge judge = new Judge(snapshot);
        for (MirrorSet set : objects) {
            out.add(judge.judge(set));
        }
        return out;
    }

    /**
     * The cluster copied, so that a run judges every object against one cluster while the cache
     * goes on changing, and so that the objects it judges are the copy's own.
     */
    static MirrorSetIndex snapshot(List<MirrorSet> objects, ClusterView cluster) {
        MirrorSetIndex snapshot = MirrorSetIndex.of(objects, cluster.imageConfig());
        snapshot.setState(cluster.state());
        return snapshot;
    }

    /**
     * One run's judging: what the objects of one source share (merged orders, policies, what
     * they put into registries.conf) is worked out once for all of them.
     */
    final class Judge {

        private final SnapshotView view;
        private final UnchangedRendering unchanged;

        /** @param snapshot not written while this judge is in use */
        Judge(MirrorSetIndex snapshot) {
            this.view = new SnapshotView(snapshot);
            this.unchanged = new UnchangedRendering(view);
        }

        /** @param set an object {@code snapshot} holds */
        Audited judge(MirrorSet set) {
            return new Audited(set.kind(), set.name(), validator.validateHeld(set, view, unchanged));
        }
    }
}
