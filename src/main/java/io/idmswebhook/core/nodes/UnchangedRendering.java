package io.idmswebhook.core.nodes;

import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.IndexedEntry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For an audit run, which judges every object as if it were created now: tells, from counts per
 * source shared by every object of the run, that an object already in the cluster adds nothing to
 * registries.conf, so that {@link NodeImpact#assess} of its creation would find no N1 or N2 and no
 * refusal, without rendering the cluster twice for it. On a source that thousands of objects name
 * that render is most of the audit's time, and nearly every object there is such a repeat.
 *
 * <p>An object adds nothing when, for each of its sources, every entry passes the operator's
 * validation alone and sets a policy that another entry of the source already sets (so the file
 * is refused with it exactly when it is refused without it), and, in each mirror group, every
 * mirror and every precedence edge of the merge come from some other object's list too. (Whether
 * the source is blocked then cannot change either: with one policy for the source, every list of
 * it has NeverContactSource or none has.) The merge is a function of its nodes and edges as sets, so the file is
 * then the same with and without the object, and the daemon finds no change. When any of that
 * does not hold, the caller renders as usual. One instance serves one run on one thread.
 */
public final class UnchangedRendering {

    /** What the entries of one source contribute, counted per entry, so one object's share can be taken out. */
    private static final class Counts {
        final Map<String, Integer> policies = new HashMap<>();
        final Map<MirrorGroup, Map<String, Integer>> parts = new EnumMap<>(MirrorGroup.class);

        void add(String source, MirrorGroup group, MirrorEntry e) {
            policies.merge(Rendering.validatedPolicy(e), 1, Integer::sum);
            if (e.hasRealMirror()) {
                Map<String, Integer> p = parts.computeIfAbsent(group, g -> new HashMap<>());
                for (String part : parts(source, e)) {
                    p.merge(part, 1, Integer::sum);
                }
            }
        }
    }

    private final ClusterView cluster;
    private final Map<String, Counts> counts = new HashMap<>();

    public UnchangedRendering(ClusterView cluster) {
        this.cluster = cluster;
    }

    /** {@code set} is the cluster's own copy and registries.conf is the same with and without it. */
    public boolean addsNothing(MirrorSet set) {
        if (cluster.state() != ClusterState.READY || !cluster.holds(set) || set.entries().isEmpty()) {
            return false;
        }
        Map<String, Counts> mine = new HashMap<>();
        for (MirrorEntry e : set.entries()) {
            if (e.source() == null || !Rendering.validAlone(e)) {
                return false;
            }
            mine.computeIfAbsent(e.source(), s -> new Counts()).add(e.source(), set.kind().mirrorGroup(), e);
        }
        for (Map.Entry<String, Counts> m : mine.entrySet()) {
            Counts all = counts.computeIfAbsent(m.getKey(), this::count);
            if (!covered(m.getValue().policies, all.policies)) {
                return false;
            }
            for (Map.Entry<MirrorGroup, Map<String, Integer>> g : m.getValue().parts.entrySet()) {
                if (!covered(g.getValue(), all.parts.getOrDefault(g.getKey(), Map.of()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Every item of {@code mine} is also contributed by some entry that is not one of mine. */
    private static boolean covered(Map<String, Integer> mine, Map<String, Integer> all) {
        for (Map.Entry<String, Integer> e : mine.entrySet()) {
            if (all.getOrDefault(e.getKey(), 0) - e.getValue() < 1) {
                return false;
            }
        }
        return true;
    }

    private Counts count(String source) {
        Counts c = new Counts();
        for (IndexedEntry e : cluster.withSource(source)) {
            c.add(source, e.kind().mirrorGroup(), e.entry());
        }
        return c;
    }

    /**
     * What one list puts into the merge's graph, each once: its mirrors, its edges between
     * consecutive mirrors, and the edge from its last mirror to the source when it does not name
     * the source (the graph always holds the source as a node).
     */
    private static Set<String> parts(String source, MirrorEntry e) {
        List<String> list = e.mirrors();
        Set<String> out = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            out.add("node\u0000" + list.get(i));
            if (i > 0) {
                out.add("edge\u0000" + list.get(i - 1) + '\u0000' + list.get(i));
            }
        }
        if (!list.contains(source)) {
            out.add("edge\u0000" + list.get(list.size() - 1) + '\u0000' + source);
        }
        return out;
    }
}
