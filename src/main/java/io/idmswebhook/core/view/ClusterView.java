package io.idmswebhook.core.view;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The mirror configuration already in the cluster, as the rules query it. The informer cache
 * implements it in the service, a set of files in the CLI and a list in tests; the engine never
 * knows which. Queries are by exact source or by scope so that the work per request grows with
 * the entries that share the object's sources, not with the cluster.
 */
public interface ClusterView {

    ClusterState state();

    ImageConfig imageConfig();

    /** Entries of every kind whose source is exactly {@code source}. */
    List<IndexedEntry> withSource(String source);

    /**
     * Entries whose source scope covers {@code location}: equal to it, a prefix of it ending at
     * {@code /}, {@code :} or {@code @} (the nodes' prefix match), or a wildcard matching its host.
     */
    List<IndexedEntry> covering(String location);

    /** Entries whose source lies strictly inside {@code scope} (more specific than it). */
    List<IndexedEntry> inside(String scope);

    /**
     * Entries whose source covers {@code location} and is not {@code location} itself: what
     * {@link #covering} answers without the entries of that exact source, which on a source that
     * thousands of entries name is nearly all of it.
     */
    default List<IndexedEntry> enclosing(String location) {
        List<IndexedEntry> out = new ArrayList<>();
        for (IndexedEntry e : covering(location)) {
            if (!e.entry().source().equals(location)) {
                out.add(e);
            }
        }
        return out;
    }

    /** What the entries of exactly {@code source} say together. */
    default SourceFacts facts(String source) {
        return SourceFacts.of(source, withSource(source));
    }

    /**
     * This very instance is the view's copy of its object, so a view of the cluster with it
     * written is this view itself.
     */
    default boolean holds(MirrorSet set) {
        return false;
    }

    /** Every object, for previews. */
    Collection<MirrorSet> objects();

    /** No cluster: cross-object checks off by configuration. */
    ClusterView OFF = new EmptyClusterView(ClusterState.OFF);

    /** A cluster that should be there but cannot be read now. */
    ClusterView UNAVAILABLE = new EmptyClusterView(ClusterState.UNAVAILABLE);
}
