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
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * An in-memory {@link ClusterView}: objects indexed by exact source, with the sources kept sorted
 * so that scope queries are a prefix range scan. Writers (informer events, file loading) and
 * readers (requests) run concurrently; readers take no lock.
 */
public final class MirrorSetIndex implements ClusterView {

    private record Key(MirrorSetKind kind, String name) {
    }

    /** Sources of this length or longer share the last slot of {@link #sourceLengths}. */
    private static final int LONG_SOURCES = 256;

    private final Map<Key, MirrorSet> objects = new ConcurrentHashMap<>();
    private final Map<String, Map<Key, List<IndexedEntry>>> bySource = new ConcurrentHashMap<>();
    private final NavigableSet<String> sources = new ConcurrentSkipListSet<>();
    private final NavigableSet<String> wildcards = new ConcurrentSkipListSet<>();
    /**
     * How many indexed sources have each length, the last slot counting every longer one. A
     * prefix query skips the lengths no source has, which is nearly all of them: without it each
     * covering query built and looked up a substring at every separator of the location.
     * Counted up before a source is published and down after it is dropped, so a reader that
     * skips a length could not have found a source of it either.
     */
    private final AtomicIntegerArray sourceLengths = new AtomicIntegerArray(LONG_SOURCES + 1);
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
            bySource.computeIfAbsent(source, s -> {
                sourceLengths.incrementAndGet(lengthSlot(s));
                return new ConcurrentHashMap<>();
            }).put(key, List.copyOf(entries));
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
            if (owners.isEmpty() && bySource.remove(source) != null) {
                sources.remove(source);
                wildcards.remove(source);
                sourceLengths.decrementAndGet(lengthSlot(source));
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
        List<IndexedEntry> out = new ArrayList<>();
        addSource(out, source);
        return out;
    }

    @Override
    public List<IndexedEntry> covering(String location) {
        List<IndexedEntry> out = new ArrayList<>();
        addSource(out, location);
        addEnclosing(out, location);
        return out;
    }

    @Override
    public List<IndexedEntry> enclosing(String location) {
        List<IndexedEntry> out = new ArrayList<>();
        addEnclosing(out, location);
        return out;
    }

    /** The entries of every prefix of {@code location} that ends at a separator, and of the wildcards covering it. */
    private void addEnclosing(List<IndexedEntry> out, String location) {
        for (int i = 1; i < location.length(); i++) {
            if (Scopes.isBoundary(location.charAt(i)) && sourceLengths.get(lengthSlot(i)) > 0) {
                addSource(out, location.substring(0, i));
            }
        }
        if (wildcards.isEmpty()) {
            return;
        }
        for (String w : wildcards) {
            // a wildcard the location starts with is itself, a prefix found above, or no match
            if (!location.startsWith(w) && Scopes.covers(w, location)) {
                addSource(out, w);
            }
        }
    }

    private void addSource(List<IndexedEntry> out, String source) {
        Map<Key, List<IndexedEntry>> owners = bySource.get(source);
        if (owners != null) {
            owners.values().forEach(out::addAll);
        }
    }

    private static int lengthSlot(String source) {
        return lengthSlot(source.length());
    }

    private static int lengthSlot(int length) {
        return Math.min(length, LONG_SOURCES);
    }

    @Override
    public boolean holds(MirrorSet set) {
        return objects.get(new Key(set.kind(), set.name())) == set;
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        List<IndexedEntry> out = new ArrayList<>();
        if (sources.isEmpty()) {
            return out;
        }
        if (scope.startsWith("*.")) {
            for (String s : sources) {
                if (Scopes.strictlyInside(s, scope)) {
                    addSource(out, s);
                }
            }
            return out;
        }
        for (String s : sources.tailSet(scope, false)) {
            if (!s.startsWith(scope)) {
                break;
            }
            if (Scopes.strictlyInside(s, scope)) {
                addSource(out, s);
            }
        }
        return out;
    }

    @Override
    public Collection<MirrorSet> objects() {
        return List.copyOf(objects.values());
    }
}
