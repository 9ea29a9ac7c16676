package io.idmswebhook.core.view;

import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
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

    /** Every object, for previews. */
    Collection<MirrorSet> objects();

    /** No cluster: cross-object checks off by configuration. */
    ClusterView OFF = new EmptyClusterView(ClusterState.OFF);

    /** A cluster that should be there but cannot be read now. */
    ClusterView UNAVAILABLE = new EmptyClusterView(ClusterState.UNAVAILABLE);
}
