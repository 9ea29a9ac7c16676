package io.idmswebhook.ops;

import io.idmswebhook.json.Preview;
import io.idmswebhook.core.view.ClusterView;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /preview} on the management port: the registries.conf mirror entries the nodes get
 * from the mirror sets in the live cluster view, in the same JSON as {@code idms-lint preview
 * --format json}. On the management interface because it is read-only operator information, like
 * health and metrics, and needs no serving certificate.
 */
@ApplicationScoped
public class PreviewRoute {

    private final ClusterView cluster;

    PreviewRoute(ClusterView cluster) {
        this.cluster = cluster;
    }

    void register(@Observes ManagementInterface management) {
        // Merges every source of the cluster: work that grows with the cluster, so off the event
        // loop that also serves health probes and metrics scrapes.
        management.router().get("/preview").blockingHandler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(Preview.pretty(Preview.forCluster(cluster))), false);
    }
}
