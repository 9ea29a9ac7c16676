package io.idmswebhook.core.view;

import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster as it would be with the object under review written: the cluster's copy of the
 * object (same kind and name) is replaced by the reviewed one, so an UPDATE never conflicts with
 * its old self. When the cluster is not READY only the object itself is seen, which keeps the
 * in-object variants of the cross-object rules working.
 *
 * <p>One instance serves one evaluation on one thread. The object's own entries are indexed
 * once, the way {@link MirrorSetIndex} indexes the cluster, and exact-source answers are
 * remembered: the rules ask for the same sources many times, and without both a 200-entry
 * object cost time quadratic in its size. Every question about the object's own entries is a hash
 * lookup, not a search of a sorted map, so a review's cost per entry does not grow with the
 * object's size.
 */
public final class ReviewView implements ClusterView {

    private final ClusterView base;
    private final boolean useBase;
    /** The base holds this very object: the view with it written is the base itself. */
    private final boolean same;
    private final MirrorSet object;
    private final Map<String, List<IndexedEntry>> own;
    /**
     * The object's entries by each of the object's sources that is not a wildcard and that they
     * lie strictly inside: a prefix of their source ending at a separator. The rules ask
     * {@link #inside} for the object's own sources; built on the first such query.
     */
    private Map<String, List<IndexedEntry>> ownInside;
    private final List<String> ownWildcards = new ArrayList<>();
    /** The object's sources, for prefixes to be built only where they may be one of them. */
    private final SourceHashFilter ownHashes;
    private final Map<String, List<IndexedEntry>> withSourceMemo;
    private final Map<String, SourceFacts> factsMemo;

    public ReviewView(ClusterView base, MirrorSet object) {
        this.base = base;
        this.useBase = base.state() == ClusterState.READY;
        this.object = object;
        this.same = useBase && base.holds(object);
        int sources = object.entries().size();
        this.own = new HashMap<>(capacityFor(sources));
        this.withSourceMemo = new HashMap<>(capacityFor(sources));
        this.factsMemo = new HashMap<>(capacityFor(sources));
        for (MirrorEntry e : object.entries()) {
            if (e.source() == null) {
                continue;
            }
            own.computeIfAbsent(e.source(), s -> {
                if (s.startsWith("*.")) {
                    ownWildcards.add(s);
                }
                return new ArrayList<>(1);
            }).add(new IndexedEntry(object.kind(), object.name(), e));
        }
        this.ownHashes = new SourceHashFilter(own.keySet());
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
        addOwnEnclosing(out, location);
        return out;
    }

    @Override
    public List<IndexedEntry> enclosing(String location) {
        if (same) {
            return base.enclosing(location);
        }
        List<IndexedEntry> out = others(useBase ? base.enclosing(location) : List.of());
        addOwnEnclosing(out, location);
        return out;
    }

    /** The object's entries whose source is a separator-ended prefix of {@code location} or a wildcard covering it. */
    private void addOwnEnclosing(List<IndexedEntry> out, String location) {
        addOwnPrefixes(out, location);
        for (String w : ownWildcards) {
            // a wildcard the location starts with is itself, a prefix found above, or no match
            if (!location.startsWith(w) && Scopes.covers(w, location)) {
                out.addAll(own.get(w));
            }
        }
    }

    @Override
    public SourceFacts facts(String source) {
        if (same) {
            return base.facts(source);
        }
        SourceFacts known = factsMemo.get(source);
        if (known == null) {
            known = SourceFacts.of(source, withSource(source));
            factsMemo.put(source, known);
        }
        return known;
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        if (same) {
            return base.inside(scope);
        }
        List<IndexedEntry> out = others(useBase ? base.inside(scope) : List.of());
        if (!scope.startsWith("*.") && own.containsKey(scope)) {
            out.addAll(ownInside().getOrDefault(scope, List.of()));
            return out;
        }
        for (Map.Entry<String, List<IndexedEntry>> e : own.entrySet()) {
            if (Scopes.strictlyInside(e.getKey(), scope)) {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    private Map<String, List<IndexedEntry>> ownInside() {
        if (ownInside == null) {
            Map<String, List<IndexedEntry>> index = new HashMap<>();
            List<IndexedEntry> outer = new ArrayList<>();
            own.forEach((source, inner) -> {
                outer.clear();
                addOwnPrefixes(outer, source);
                String last = null;
                for (IndexedEntry o : outer) {
                    // the entries of one prefix come together, all with that prefix as their source
                    if (!o.entry().source().equals(last)) {
                        last = o.entry().source();
                        index.computeIfAbsent(last, p -> new ArrayList<>()).addAll(inner);
                    }
                }
            });
            ownInside = index;
        }
        return ownInside;
    }

    /**
     * The entries of each of the object's sources that is a prefix of {@code location} ending at a
     * separator. A prefix is built only where the hash filter lets it through: the running hash is
     * {@code location.substring(0, i).hashCode()}.
     */
    private void addOwnPrefixes(List<IndexedEntry> out, String location) {
        int hash = 0;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (i > 0 && Scopes.isBoundary(c) && ownHashes.mayContain(hash)) {
                out.addAll(own.getOrDefault(location.substring(0, i), List.of()));
            }
            hash = 31 * hash + c;
        }
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

    private static int capacityFor(int entries) {
        return entries * 4 / 3 + 1;
    }

    private List<IndexedEntry> others(List<IndexedEntry> entries) {
        List<IndexedEntry> out = new ArrayList<>(entries.size() + 2);
        if (entries.isEmpty()) {
            // without a cluster every query comes here with nothing: not even an iterator then
            return out;
        }
        for (IndexedEntry e : entries) {
            if (!e.belongsTo(object.kind(), object.name())) {
                out.add(e);
            }
        }
        return out;
    }
}
