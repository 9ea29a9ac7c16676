package io.idmswebhook.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.nodes.RenderResult;
import io.idmswebhook.core.nodes.Rendering;
import io.idmswebhook.core.view.ClusterState;
import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.json.Explain;
import io.idmswebhook.json.Preview;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * {@code GET /explain?image=IMAGE} on the management port: the endpoints a node tries for one
 * pull with the registries.conf of the live cluster view, in the same JSON as
 * {@code idms-lint explain --format json}. Without a current view the answer says so instead of
 * pretending the cluster has no mirrors.
 */
@ApplicationScoped
public class ExplainRoute {

    private final ClusterView cluster;

    ExplainRoute(ClusterView cluster) {
        this.cluster = cluster;
    }

    void register(@Observes ManagementInterface management) {
        // Renders every source of the cluster: work that grows with the cluster, so off the event
        // loop that also serves health probes and metrics scrapes.
        management.router().get("/explain").blockingHandler(ctx -> {
            String image = ctx.request().getParam("image");
            if (image == null || image.isBlank()) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                        .end(Preview.pretty(JsonNodeFactory.instance.objectNode().put("error",
                                "query parameter image is missing: use /explain?image=quay.io/ns/app@sha256:..."
                                        + " or /explain?image=quay.io/ns/app:1.2")));
                return;
            }
            RenderResult rendered = cluster.state() == ClusterState.READY
                    ? Rendering.render(cluster.objects(), cluster.imageConfig())
                    : Rendering.render(List.of(), ImageConfig.NONE);
            ObjectNode json = Explain.json(image, rendered, "cluster");
            json.put("clusterChecks", switch (cluster.state()) {
                case READY -> "on";
                case OFF -> "off";
                case UNAVAILABLE -> "unavailable";
            });
            if (cluster.state() != ClusterState.READY) {
                json.put("note", "there is no current cluster view, so this is the pull without any registries.conf"
                        + " entry; run `idms-lint explain IMAGE PATH...` on your manifests instead");
            }
            ctx.response().putHeader("Content-Type", "application/json").end(Preview.pretty(json));
        }, false);
    }
}
