package io.idmswebhook.core.view;

import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * An in-memory {@link ClusterView}: objects indexed by exact source, with the sources kept sorted
 * so that scope queries are a prefix range scan. Writers (informer events, file loading) and
 * readers (requests) run concurrently; readers take no lock.
 */
public final class MirrorSetIndex implements ClusterView {

    private record Key(MirrorSetKind kind, String name) {
    }

    private final Map<Key, MirrorSet> objects = new ConcurrentHashMap<>();
    private final Map<String, Map<Key, List<IndexedEntry>>> bySource = new ConcurrentHashMap<>();
    private final NavigableSet<String> sources = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> wildcards = new ConcurrentSkipListSet<>();
    private volatile ImageConfig imageConfig = ImageConfig.NONE;
    private volatile ClusterState state;

    public MirrorSetIndex(ClusterState initialState) {
        this.state = Objects.requireNonNull(initialState);
    }

    public static MirrorSetIndex of(Collection<MirrorSet> sets, ImageConfig config) {
        MirrorSetIndex index = new MirrorSetIndex(ClusterState.READY);
        sets.forEach(index::put);
        index.setImageConfig(config);
        return index;
    }

    public void setState(ClusterState state) {
        this.state = Objects.requireNonNull(state);
    }

    public void setImageConfig(ImageConfig config) {
        this.imageConfig = config == null ? ImageConfig.NONE : config;
    }

    /**
     * Adds or replaces an object. The new entries are published before the stale ones are
     * dropped, so a concurrent reader sees, per source, the old or the new version.
     */
    public synchronized void put(MirrorSet set) {
        Key key = new Key(set.kind(), set.name());
        Map<String, List<IndexedEntry>> grouped = new java.util.LinkedHashMap<>();
        for (MirrorEntry e : set.entries()) {
            if (e.source() != null) {
                grouped.computeIfAbsent(e.source(), s -> new ArrayList<>())
                        .add(new IndexedEntry(set.kind(), set.name(), e));
            }
        }
        grouped.forEach((source, entries) -> {
            bySource.computeIfAbsent(source, s -> new ConcurrentHashMap<>()).put(key, List.copyOf(entries));
            sources.add(source);
            if (source.startsWith("*.")) {
                wildcards.add(source);
            }
        });
        MirrorSet old = objects.put(key, set);
        if (old != null) {
            for (MirrorEntry e : old.entries()) {
                if (e.source() != null && !grouped.containsKey(e.source())) {
                    unindexSource(key, e.source());
                }
            }
        }
    }

    public synchronized void remove(MirrorSetKind kind, String name) {
        Key key = new Key(kind, name);
        MirrorSet old = objects.remove(key);
        if (old != null) {
            unindex(key, old);
        }
    }

    /** Drops every object of one kind (its informer restarted or its CRD went away). */
    public synchronized void clear(MirrorSetKind kind) {
        for (MirrorSet s : List.copyOf(objects.values())) {
            if (s.kind() == kind) {
                remove(kind, s.name());
            }
        }
    }

    private void unindex(Key key, MirrorSet old) {
        for (MirrorEntry e : old.entries()) {
            if (e.source() != null) {
                unindexSource(key, e.source());
            }
        }
    }

    private void unindexSource(Key key, String source) {
        Map<Key, List<IndexedEntry>> owners = bySource.get(source);
        if (owners != null) {
            owners.remove(key);
            if (owners.isEmpty()) {
                bySource.remove(source);
                sources.remove(source);
                wildcards.remove(source);
            }
        }
    }

    public int size(MirrorSetKind kind) {
        int n = 0;
        for (Key k : objects.keySet()) {
            if (k.kind() == kind) {
                n++;
            }
        }
        return n;
    }

    @Override
    public ClusterState state() {
        return state;
    }

    @Override
    public ImageConfig imageConfig() {
        return imageConfig;
    }

    @Override
    public List<IndexedEntry> withSource(String source) {
        Map<Key, List<IndexedEntry>> owners = bySource.get(source);
        if (owners == null) {
            return List.of();
        }
        List<IndexedEntry> out = new ArrayList<>();
        owners.values().forEach(out::addAll);
        return out;
    }

    @Override
    public List<IndexedEntry> covering(String location) {
        List<IndexedEntry> out = new ArrayList<>(withSource(location));
        for (int i = 1; i < location.length(); i++) {
            if (Scopes.isBoundary(location.charAt(i))) {
                out.addAll(withSource(location.substring(0, i)));
            }
        }
        for (String w : wildcards) {
            if (Scopes.covers(w, location)) {
                out.addAll(withSource(w));
            }
        }
        return out;
    }

    @Override
    public List<IndexedEntry> enclosing(String location) {
        List<IndexedEntry> out = new ArrayList<>();
        for (int i = 1; i < location.length(); i++) {
            if (Scopes.isBoundary(location.charAt(i))) {
                out.addAll(withSource(location.substring(0, i)));
            }
        }
        for (String w : wildcards) {
            if (!w.equals(location) && Scopes.covers(w, location)) {
                out.addAll(withSource(w));
            }
        }
        return out;
    }

    @Override
    public boolean holds(MirrorSet set) {
        return objects.get(new Key(set.kind(), set.name())) == set;
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        List<IndexedEntry> out = new ArrayList<>();
        if (scope.startsWith("*.")) {
            for (String s : sources) {
                if (Scopes.strictlyInside(s, scope)) {
                    out.addAll(withSource(s));
                }
            }
            return out;
        }
        for (String s : sources.tailSet(scope, false)) {
            if (!s.startsWith(scope)) {
                break;
            }
            if (Scopes.strictlyInside(s, scope)) {
                out.addAll(withSource(s));
            }
        }
        return out;
    }

    @Override
    public Collection<MirrorSet> objects() {
        return List.copyOf(objects.values());
    }
}
