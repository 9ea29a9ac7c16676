package io.idmswebhook.cluster;

import io.idmswebhook.core.engine.ClusterView;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The seam between the admission path and the cluster: the one place that decides which
 * {@link ClusterView} the rules read. Off is the embedded default without a cluster; the
 * informer-backed view plugs in here for ON.
 */
@ApplicationScoped
public class ClusterViewProducer {

    private static final Logger LOG = Logger.getLogger(ClusterViewProducer.class);

    private final ClusterChecks mode;

    ClusterViewProducer(@ConfigProperty(name = "idms.cluster-checks", defaultValue = "auto") ClusterChecks setting) {
        String home = System.getProperty("user.home");
        this.mode = setting.resolve(System.getenv(), home == null ? null : Path.of(home));
    }

    public ClusterChecks mode() {
        return mode;
    }

    @Produces
    @ApplicationScoped
    ClusterView clusterView() {
        // ON has no informer cache in this build yet: UNAVAILABLE makes the rules say so ([X2])
        // rather than pretend the cluster holds nothing.
        return mode == ClusterChecks.OFF ? ClusterView.OFF : ClusterView.UNAVAILABLE;
    }

    void logMode(@Observes StartupEvent start) {
        if (mode == ClusterChecks.OFF) {
            LOG.info("cluster-wide checks are off (idms.cluster-checks=off or no cluster found): "
                    + "rules that compare objects across the cluster are skipped");
        } else {
            LOG.warn("cluster-wide checks are on but this build has no cluster cache yet: "
                    + "rules that compare objects across the cluster are skipped and say so [X2]");
        }
    }
}
