package io.idmswebhook.cluster;

import io.idmswebhook.core.view.ClusterState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness waits for the informers' first sync, but only up to
 * {@code idms.cluster-checks.initial-sync-timeout}; after that (or after the first sync) it is UP
 * for good, with {@code degraded} in its data while the view is not current.
 *
 * <p>Why readiness stops depending on the API server: the webhook is registered with
 * {@code failurePolicy: Fail}, so while no pod is ready the API server rejects every write of
 * IDMS, ITMS and ICSP in the whole cluster. If readiness followed the watch, an API server blip
 * (an upgrade, a network hiccup, a control-plane node restart) would take every replica out of the
 * Service at once and block exactly the writes an administrator may need to repair the cluster.
 * A degraded answer still applies every single-object rule and says in [X2] that the cross-object
 * checks were skipped, which is strictly more useful than no answer. The bounded wait at start
 * keeps a rolling update from sending writes to a pod that has not listed the cluster yet, when
 * the API server is there to be listed.
 */
@Readiness
@ApplicationScoped
public class ClusterViewReadiness implements HealthCheck {

    static final String NAME = "cluster-view";

    @Inject
    ClusterViewProducer producer;

    @Inject
    ClusterCache cache;

    @ConfigProperty(name = "idms.cluster-checks.initial-sync-timeout", defaultValue = "10s")
    Duration initialSyncTimeout;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named(NAME);
        if (producer.mode() == ClusterChecks.OFF) {
            // Do not touch the cache: in OFF mode nothing about the cluster may be created.
            return b.up().withData("mode", "off").build();
        }
        b.withData("mode", "on");
        cache.status().forEach(b::withData);
        Instant started = cache.startedAt();
        Instant synced = cache.firstSyncAt();
        boolean current = cache.index().state() == ClusterState.READY;
        if (synced == null && (started == null
                || Duration.between(started, Instant.now()).compareTo(initialSyncTimeout) < 0)) {
            return b.down().withData("reason", "waiting up to " + initialSyncTimeout.toSeconds()
                    + " s for the first sync of the cluster view").build();
        }
        if (!current) {
            b.withData("degraded", true).withData("reason", synced == null
                    ? "the cluster view did not sync within " + initialSyncTimeout.toSeconds()
                            + " s; answering with single-object rules and [X2] until it does"
                    : "the cluster view is not current; answering with single-object rules and [X2] until it is");
        } else {
            b.withData("degraded", false);
        }
        return b.up().build();
    }
}
