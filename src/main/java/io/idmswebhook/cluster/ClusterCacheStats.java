package io.idmswebhook.cluster;

import java.time.Instant;
import java.util.Optional;

/**
 * What the cluster cache tells the metrics beyond its {@link io.idmswebhook.core.view.ClusterView}:
 * when it last heard from the API server. An informer that stopped receiving events looks synced
 * but grows stale; the age of the last event is how an alert sees that. ClusterViewProducer
 * provides it from the cache in ON mode and {@link #NONE} otherwise.
 */
public interface ClusterCacheStats {

    /** When the last add, update or delete event (or the initial list) arrived; empty if none yet. */
    Optional<Instant> lastEvent();

    /** No cache: no event ever arrives. */
    ClusterCacheStats NONE = Optional::empty;
}
