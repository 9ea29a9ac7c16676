package io.idmswebhook.core.view;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import java.util.Collection;
import java.util.List;

/** A view with nothing in it, in a given state. */
record EmptyClusterView(ClusterState state) implements ClusterView {

    @Override
    public ImageConfig imageConfig() {
        return ImageConfig.NONE;
    }

    @Override
    public List<IndexedEntry> withSource(String source) {
        return List.of();
    }

    @Override
    public List<IndexedEntry> covering(String location) {
        return List.of();
    }

    @Override
    public List<IndexedEntry> inside(String scope) {
        return List.of();
    }

    @Override
    public Collection<MirrorSet> objects() {
        return List.of();
    }
}
