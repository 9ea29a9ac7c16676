package io.idmswebhook.core.engine;

import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The cluster as it would be with the object under review written: the cluster's copy of the
 * object (same kind and name) is replaced by the reviewed one, so an UPDATE never conflicts with
 * its old self. When the cluster is not READY only the object itself is seen, which keeps the
 * in-object variants of the cross-object rules working.
 */
final class ReviewView implements ClusterView {

    private final ClusterView base;
    private final boolean useBase;
    private final MirrorSet object;

    ReviewView(ClusterView base, MirrorSet object) {
        this.base = base;
        this.useBase = base.state() == ClusterState.READY;
        this.object = object;
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
        List<IndexedEntry> out = others(useBase ? base.withSource(source) : List.of());
        for (MirrorEntry e : object.entries()) {
            if (source.equals(e.source())) {
                out.add(own(e));
            }
        }
        return out;
    }

    @Override
    public List<IndexedEntry> covering(String location) {
        List<IndexedEntry> out = others(useBase ? base.covering(location) : List.of());
        for (MirrorEntry e : object.entries()) {
            if (e.source() != null && Scopes.covers(e.source(), location)) {
                out.add(own(e));
            }
        }
        return out;
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        List<IndexedEntry> out = others(useBase ? base.inside(scope) : List.of());
        for (MirrorEntry e : object.entries()) {
            if (e.source() != null && Scopes.strictlyInside(e.source(), scope)) {
                out.add(own(e));
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

    private IndexedEntry own(MirrorEntry e) {
        return new IndexedEntry(object.kind(), object.name(), e);
    }
}
