package io.idmswebhook.core.engine;

import io.idmswebhook.core.engine.ClusterAudit.Audited;
import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.MirrorSetIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The audit kept up to date as the cluster changes: each {@link #update} judges again only the
 * objects whose answer can have changed since the previous one, and keeps the rest.
 *
 * <p>An object's answer reads the cluster only through the entries whose source equals, covers or
 * lies inside one of its own sources or mirrors (the cross-object rules and the render of
 * registries.conf for N1 and N2 look nowhere else), the image config and the view's state. So after
 * a change the objects judged again are the changed ones and those with a source or mirror related
 * that way to a source of a changed object's old or new version; a change of the image config or
 * of the state judges everything. The answer stays what {@link ClusterAudit#run} gives.
 *
 * <p>Not thread-safe: one worker calls it.
 */
public final class IncrementalAudit {

    private final ClusterAudit audit;
    /** The copy the last answer was judged against, brought up to date in place. */
    private MirrorSetIndex snapshot;
    private final Map<String, MirrorSet> judged = new HashMap<>();
    private final Map<String, Audited> answers = new HashMap<>();
    private ImageConfig config;
    private ClusterState state;
    private int lastJudged;

    public IncrementalAudit(ClusterAudit audit) {
        this.audit = audit;
    }

    /** How many objects the last {@link #update} judged; the others kept their answer. */
    public int lastJudged() {
        return lastJudged;
    }

    /** Every object of the cluster and its answer, in {@link ClusterAudit}'s order. */
    public List<Audited> update(ClusterView cluster) {
        List<MirrorSet> now = new ArrayList<>(cluster.objects());
        if (snapshot == null || !cluster.imageConfig().equals(config) || cluster.state() != state) {
            return full(now, cluster);
        }
        Map<String, MirrorSet> current = new HashMap<>(now.size() * 2);
        Set<String> touched = new HashSet<>();
        Set<String> changed = new HashSet<>();
        for (MirrorSet set : now) {
            String ref = set.kind().ref(set.name());
            current.put(ref, set);
            MirrorSet before = judged.get(ref);
            if (before == set || set.equals(before)) {
                continue;
            }
            changed.add(ref);
            addSources(before, touched);
            addSources(set, touched);
            snapshot.put(set);
            judged.put(ref, set);
        }
        for (String ref : List.copyOf(judged.keySet())) {
            if (!current.containsKey(ref)) {
                MirrorSet gone = judged.remove(ref);
                addSources(gone, touched);
                snapshot.remove(gone.kind(), gone.name());
                answers.remove(ref);
            }
        }
        ClusterAudit.Judge judge = audit.new Judge(snapshot);
        lastJudged = 0;
        for (Map.Entry<String, MirrorSet> e : judged.entrySet()) {
            if (changed.contains(e.getKey()) || related(e.getValue(), touched)) {
                answers.put(e.getKey(), judge.judge(e.getValue()));
                lastJudged++;
            }
        }
        return sorted();
    }

    private List<Audited> full(List<MirrorSet> now, ClusterView cluster) {
        now.sort(ClusterAudit.ORDER);
        snapshot = ClusterAudit.snapshot(now, cluster);
        config = cluster.imageConfig();
        state = cluster.state();
        judged.clear();
        answers.clear();
        ClusterAudit.Judge judge = audit.new Judge(snapshot);
        for (MirrorSet set : now) {
            String ref = set.kind().ref(set.name());
            judged.put(ref, set);
            answers.put(ref, judge.judge(set));
        }
        lastJudged = now.size();
        return sorted();
    }

    private List<Audited> sorted() {
        TreeMap<MirrorSet, Audited> byOrder = new TreeMap<>(ClusterAudit.ORDER);
        for (Map.Entry<String, MirrorSet> e : judged.entrySet()) {
            byOrder.put(e.getValue(), answers.get(e.getKey()));
        }
        return List.copyOf(byOrder.values());
    }

    private static void addSources(MirrorSet set, Set<String> out) {
        if (set != null) {
            for (MirrorEntry e : set.entries()) {
                if (e.source() != null) {
                    out.add(e.source());
                }
            }
        }
    }

    /** A source or mirror of {@code set} equals, covers or lies inside one of {@code sources}. */
    private static boolean related(MirrorSet set, Set<String> sources) {
        if (sources.isEmpty()) {
            return false;
        }
        for (MirrorEntry e : set.entries()) {
            if (e.source() != null && related(e.source(), sources)) {
                return true;
            }
            for (String m : e.mirrors()) {
                if (m != null && related(m, sources)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean related(String location, Set<String> sources) {
        if (sources.contains(location)) {
            return true;
        }
        for (String s : sources) {
            if (Scopes.covers(s, location) || Scopes.covers(location, s)
                    || Scopes.strictlyInside(s, location) || Scopes.strictlyInside(location, s)) {
                return true;
            }
        }
        return false;
    }
}
