package io.idmswebhook.core.view;

import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cluster as it would be with the object under review written: the cluster's copy of the
 * object (same kind and name) is replaced by the reviewed one, so an UPDATE never conflicts with
 * its old self. When the cluster is not READY only the object itself is seen, which keeps the
 * in-object variants of the cross-object rules working.
 *
 * <p>One instance serves one evaluation on one thread. The object's own entries are indexed
 * once, the way {@link MirrorSetIndex} indexes the cluster, and exact-source answers are
 * remembered: the rules ask for the same sources many times, and without both a 200-entry
 * object cost time quadratic in its size.
 */
public final class ReviewView implements ClusterView {

    private final ClusterView base;
    private final boolean useBase;
    /** The base holds this very object: the view with it written is the base itself. */
    private final boolean same;
    private final MirrorSet object;
    private final Map<String, List<IndexedEntry>> own = new HashMap<>();
    /** The same entries sorted by source, for the prefix range scans of {@link #inside}. */
    private final TreeMap<String, List<IndexedEntry>> ownSorted;
    private final List<String> ownWildcards = new ArrayList<>();
    /** Lengths of the object's sources: a prefix of another length cannot be one of them. */
    private final BitSet ownLengths = new BitSet();
    private final Map<String, List<IndexedEntry>> withSourceMemo = new HashMap<>();

    public ReviewView(ClusterView base, MirrorSet object) {
        this.base = base;
        this.useBase = base.state() == ClusterState.READY;
        this.object = object;
        this.same = useBase && base.holds(object);
        for (MirrorEntry e : object.entries()) {
            if (e.source() == null) {
                continue;
            }
            ownLengths.set(e.source().length());
            own.computeIfAbsent(e.source(), s -> {
                if (s.startsWith("*.")) {
                    ownWildcards.add(s);
                }
                return new ArrayList<>(1);
            }).add(new IndexedEntry(object.kind(), object.name(), e));
        }
        this.ownSorted = new TreeMap<>(own);
    }

    @Override
    public ClusterState state() {
        return base.state();
    }

    @Override
    public ImageConfig imageConfig() {
        return useBase ? base.imageConfig() : ImageConfig.NONE;
    }

    @Override
    public List<IndexedEntry> withSource(String source) {
        if (same) {
            return base.withSource(source);
        }
        List<IndexedEntry> known = withSourceMemo.get(source);
        if (known != null) {
            return known;
        }
        List<IndexedEntry> out = others(useBase ? base.withSource(source) : List.of());
        out.addAll(own.getOrDefault(source, List.of()));
        List<IndexedEntry> answer = List.copyOf(out);
        withSourceMemo.put(source, answer);
        return answer;
    }

    @Override
    public List<IndexedEntry> covering(String location) {
        if (same) {
            return base.covering(location);
        }
        List<IndexedEntry> out = others(useBase ? base.covering(location) : List.of());
        out.addAll(own.getOrDefault(location, List.of()));
        for (int i = 1; i < location.length(); i++) {
            if (ownLengths.get(i) && Scopes.isBoundary(location.charAt(i))) {
                out.addAll(own.getOrDefault(location.substring(0, i), List.of()));
            }
        }
        for (String w : ownWildcards) {
            if (Scopes.covers(w, location)) {
                out.addAll(own.get(w));
            }
        }
        return out;
    }

    @Override
    public List<IndexedEntry> enclosing(String location) {
        if (same) {
            return base.enclosing(location);
        }
        List<IndexedEntry> out = others(useBase ? base.enclosing(location) : List.of());
        for (int i = 1; i < location.length(); i++) {
            if (ownLengths.get(i) && Scopes.isBoundary(location.charAt(i))) {
                out.addAll(own.getOrDefault(location.substring(0, i), List.of()));
            }
        }
        for (String w : ownWildcards) {
            if (!w.equals(location) && Scopes.covers(w, location)) {
                out.addAll(own.get(w));
            }
        }
        return out;
    }

    @Override
    public SourceFacts facts(String source) {
        return same ? base.facts(source) : SourceFacts.of(source, withSource(source));
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        if (same) {
            return base.inside(scope);
        }
        List<IndexedEntry> out = others(useBase ? base.inside(scope) : List.of());
        Map<String, List<IndexedEntry>> candidates = scope.startsWith("*.") ? own : ownSorted.tailMap(scope, false);
        for (Map.Entry<String, List<IndexedEntry>> e : candidates.entrySet()) {
            String source = e.getKey();
            if (!scope.startsWith("*.") && !source.startsWith(scope)) {
                break;
            }
            if (Scopes.strictlyInside(source, scope)) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    @Override
    public Collection<MirrorSet> objects() {
        List<MirrorSet> out = new ArrayList<>();
        if (useBase) {
            for (MirrorSet s : base.objects()) {
                if (!s.sameObject(object.kind(), object.name())) {
                    out.add(s);
                }
            }
        }
        out.add(object);
        return out;
    }

    private List<IndexedEntry> others(List<IndexedEntry> entries) {
        List<IndexedEntry> out = new ArrayList<>(entries.size() + 2);
        for (IndexedEntry e : entries) {
            if (!e.belongsTo(object.kind(), object.name())) {
                out.add(e);
            }
        }
        return out;
    }
}
