package io.idmswebhook.core.view;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An index that nobody writes while this view is in use, as an audit run's copy of the cluster:
 * each source's {@link SourceFacts} is computed once and shared by every object that names the
 * source. One instance serves one run on one thread.
 */
public final class SnapshotView implements ClusterView {

    private final MirrorSetIndex index;
    private final Map<String, SourceFacts> facts = new HashMap<>();

    public SnapshotView(MirrorSetIndex index) {
        this.index = index;
    }

    @Override
    public ClusterState state() {
        return index.state();
    }

    @Override
    public ImageConfig imageConfig() {
        return index.imageConfig();
    }

    @Override
    public List<IndexedEntry> withSource(String source) {
        return index.withSource(source);
    }

    @Override
    public List<IndexedEntry> covering(String location) {
        return index.covering(location);
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        return index.inside(scope);
    }

    @Override
    public List<IndexedEntry> enclosing(String location) {
        return index.enclosing(location);
    }

    @Override
    public SourceFacts facts(String source) {
        return facts.computeIfAbsent(source, index::facts);
    }

    @Override
    public boolean holds(MirrorSet set) {
        return index.holds(set);
    }

    @Override
    public Collection<MirrorSet> objects() {
        return index.objects();
    }
}
