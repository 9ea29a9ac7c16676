package io.idmswebhook.core.nodes;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.nodes.RegistriesConf.Mirror;
import io.idmswebhook.core.nodes.RegistriesConf.Registry;
import io.idmswebhook.core.rules.Finding;
import io.idmswebhook.core.rules.RuleId;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.IndexedEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rules N1 and N2: what one CREATE, UPDATE or DELETE does to the nodes, found by rendering
 * registries.conf before and after the write and comparing the two the way the operator's daemon
 * does ({@link DrainDecision}).
 *
 * <p>Only the part of the cluster that can change is rendered: the entries whose source equals,
 * encloses or lies inside a source of the object (old or new version), plus the image config.
 * Every other registries.conf entry renders the same before and after, and the daemon compares
 * entries by key, so leaving them out changes no answer and keeps a review's work independent of
 * the cluster's size.
 */
public final class NodeImpact {

    private NodeImpact() {
    }

    /**
     * What the write does to the nodes.
     *
     * @param warnings N1 and N2 findings
     * @param refusal  the operator's refusal to render the file after the write, when it rendered
     *                 the file before it: this write is what stops it; otherwise null
     */
    public record Impact(List<Finding> warnings, Refusal refusal) {

        /** The write changes nothing on the nodes. */
        public static final Impact NONE = new Impact(List.of(), null);

        public Impact {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * @param cluster the objects already in the cluster; its copy of the object is ignored
     * @param before  the object before the write (null on CREATE)
     * @param after   the object after the write (null on DELETE)
     */
    public static Impact assess(ClusterView cluster, MirrorSet before, MirrorSet after) {
        MirrorSet any = after != null ? after : before;
        if (any == null) {
            return Impact.NONE;
        }
        boolean ready = cluster.state() == ClusterState.READY;
        ImageConfig config = ready ? cluster.imageConfig() : ImageConfig.NONE;
        List<MirrorSet> others = ready ? related(cluster, any.kind(), any.name(), before, after) : List.of();
        RenderResult was = Rendering.render(with(others, before), config);
        RenderResult now = Rendering.render(with(others, after), config);
        if (was.refused()) {
            // the nodes still hold an older file, which this cluster view cannot tell
            return Impact.NONE;
        }
        if (now.refused()) {
            return new Impact(List.of(), now.refusal());
        }
        return new Impact(findings(was.conf(), now.conf(), after == null ? "" : "spec", ready), null);
    }

    /**
     * N1 and N2 for a change of the rendered file from {@code before} to {@code after}.
     *
     * @param path the field path the findings carry ({@code ""} when there is no object, as on DELETE)
     */
    public static List<Finding> findings(RegistriesConf before, RegistriesConf after, String path) {
        return findings(before, after, path, true);
    }

    /**
     * @param wholeCluster the files hold every mirror set of the cluster; when they hold the
     *                     object alone (cluster checks off, or the cluster unreadable), the
     *                     findings say so: other mirror sets may already give the nodes the same
     *                     entries, and then the file does not change where this one says it does
     */
    private static List<Finding> findings(RegistriesConf before, RegistriesConf after, String path,
                                          boolean wholeCluster) {
        List<Finding> out = new ArrayList<>(2);
        DrainDecision drain = DrainDecision.between(before, after);
        if (drain.drains()) {
            out.add(Finding.warn(RuleId.N1, path, drain.firstUnsafeChange(),
                    "every node of every pool will be drained" + (wholeCluster ? ""
                            : ", judging by this object alone (the other mirror sets were not read; where they"
                                    + " already hold the same entries the file does not change)")
                            + ": the MCO does not apply this change in place (" + drain.firstUnsafeChange() + ")",
                    "an " + DrainDecision.DRAIN_OVERRIDE_CONFIGMAP + " ConfigMap, where present, skips the drain"));
        }
        String lost = lostMirrors(before, after);
        if (!lost.isEmpty()) {
            out.add(Finding.warn(RuleId.N2, path, lost,
                    "no mirror left for " + lost + (wholeCluster ? ""
                            : ", judging by this object alone (other mirror sets, not read, may still have mirrors for it)"),
                    "keep a mirror for it elsewhere first if the nodes cannot reach the source"));
        }
        return out;
    }

    /** Sources (registries.conf scopes) that had mirrors for a pull kind before and have none after. */
    public static String lostMirrors(RegistriesConf before, RegistriesConf after) {
        List<String> items = new ArrayList<>();
        for (Registry b : before.registries()) {
            Registry a = after.entry(b.scope());
            boolean digestLost = servesDigests(b) && (a == null || !servesDigests(a));
            boolean tagLost = servesTags(b) && (a == null || !servesTags(a));
            if (!digestLost && !tagLost) {
                continue;
            }
            String kind = digestLost && tagLost ? "all pulls" : digestLost ? "digest pulls" : "tag pulls";
            Registry governing = PullResolution.find(after, b.scope());
            boolean blocked = governing != null && governing.blocked();
            items.add(b.scope() + " (" + kind + (blocked ? " fail: the source stays blocked)"
                    : " now go to the source itself)"));
        }
        return String.join(", ", items);
    }

    private static boolean servesDigests(Registry r) {
        for (Mirror m : r.mirrors()) {
            if (r.mirrorByDigestOnly() || m.servesDigests()) {
                return true;
            }
        }
        return false;
    }

    private static boolean servesTags(Registry r) {
        for (Mirror m : r.mirrors()) {
            if (m.servesTags(r)) {
                return true;
            }
        }
        return false;
    }

    private static List<MirrorSet> with(List<MirrorSet> others, MirrorSet object) {
        List<MirrorSet> out = new ArrayList<>(others.size() + 1);
        out.addAll(others);
        if (object != null) {
            out.add(object);
            out.sort(BY_KIND_AND_NAME);
        }
        return out;
    }

    private static final Comparator<MirrorSet> BY_KIND_AND_NAME = Comparator
            .comparing((MirrorSet s) -> s.kind().ordinal())
            .thenComparing(s -> s.name() == null ? "" : s.name());

    /** The other objects' entries that can render differently because of this object, as objects. */
    private static List<MirrorSet> related(ClusterView cluster, MirrorSetKind kind, String name,
                                           MirrorSet before, MirrorSet after) {
        Set<String> sources = new LinkedHashSet<>();
        for (MirrorSet s : new MirrorSet[] {before, after}) {
            if (s != null) {
                for (MirrorEntry e : s.entries()) {
                    if (e.source() != null) {
                        sources.add(e.source());
                    }
                }
            }
        }
        Map<MirrorEntry, IndexedEntry> seen = new IdentityHashMap<>();
        for (String source : sources) {
            for (List<IndexedEntry> found : List.of(cluster.withSource(source), cluster.covering(source),
                    cluster.inside(source))) {
                for (IndexedEntry e : found) {
                    if (!e.belongsTo(kind, name)) {
                        seen.putIfAbsent(e.entry(), e);
                    }
                }
            }
        }
        Map<String, List<IndexedEntry>> byObject = new TreeMap<>();
        for (IndexedEntry e : seen.values()) {
            byObject.computeIfAbsent(e.kind().ordinal() + "/" + e.objectName(), k -> new ArrayList<>()).add(e);
        }
        List<MirrorSet> out = new ArrayList<>(byObject.size());
        for (List<IndexedEntry> entries : byObject.values()) {
            entries.sort(Comparator.comparingInt(e -> e.entry().index()));
            List<MirrorEntry> list = new ArrayList<>(entries.size());
            entries.forEach(e -> list.add(e.entry()));
            out.add(new MirrorSet(entries.get(0).kind(), entries.get(0).objectName(), list));
        }
        out.sort(BY_KIND_AND_NAME);
        return out;
    }
}
