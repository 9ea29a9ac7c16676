package io.idmswebhook.cluster;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Stands in until a cluster cache bean implements {@link ClusterCacheStats}, which then replaces it. */
@ApplicationScoped
public class ClusterCacheStatsProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    ClusterCacheStats noCache() {
        return ClusterCacheStats.NONE;
    }
}
