package io.idmswebhook.cluster;

import io.idmswebhook.core.view.ClusterView;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The seam between the admission path and the cluster: the one place that decides which
 * {@link ClusterView} the rules read. Off is the embedded default without a cluster; ON reads the
 * informer cache, whose state says whether cross-object checks can run right now.
 */
@ApplicationScoped
public class ClusterViewProducer {

    private static final Logger LOG = Logger.getLogger(ClusterViewProducer.class);

    private final ClusterChecks mode;
    private final ClusterCache cache;

    ClusterViewProducer(@ConfigProperty(name = "idms.cluster-checks", defaultValue = "auto") ClusterChecks setting,
                        ClusterCache cache) {
        String home = System.getProperty("user.home");
        this.mode = setting.resolve(System.getenv(), home == null ? null : Path.of(home));
        this.cache = cache;
    }

    public ClusterChecks mode() {
        return mode;
    }

    /**
     * A singleton, not a client proxy: the rules ask the view several times per entry, and every
     * call through a proxy looked the instance up in its context again. The view itself is one
     * object for the life of the process (the cache's index changes inside).
     */
    @Produces
    @Singleton
    ClusterView clusterView() {
        return mode == ClusterChecks.OFF ? ClusterView.OFF : cache.index();
    }

    /** Decided here with the view, so that OFF never touches the cache just to say "no events". */
    @Produces
    @ApplicationScoped
    ClusterCacheStats clusterCacheStats() {
        return mode == ClusterChecks.OFF ? ClusterCacheStats.NONE : cache::lastEvent;
    }

    void logMode(@Observes StartupEvent start) {
        if (mode == ClusterChecks.OFF) {
            LOG.info("cluster-wide checks are off (idms.cluster-checks=off or no cluster found): "
                    + "rules that compare objects across the cluster are skipped");
        } else {
            LOG.info("cluster-wide checks are on: watching IDMS, ITMS, ICSP and the cluster image config; "
                    + "until the first sync, answers carry [X2]");
            cache.start();
        }
    }
}
