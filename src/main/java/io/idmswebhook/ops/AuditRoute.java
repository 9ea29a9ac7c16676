package io.idmswebhook.ops;

import io.idmswebhook.cluster.ClusterAuditor;
import io.idmswebhook.json.AuditJson;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /audit} on the management port: the last audit of the objects already in the cluster
 * ({@link ClusterAuditor}), in the linter's per-object JSON. Read-only operator information like
 * {@code /preview}, health and metrics. The JSON was written when the audit ran, so the answer is a
 * copy of bytes on the event loop, whatever the size of the cluster.
 */
@ApplicationScoped
public class AuditRoute {

    private final ClusterAuditor auditor;

    AuditRoute(ClusterAuditor auditor) {
        this.auditor = auditor;
    }

    void register(@Observes ManagementInterface management) {
        management.router().get("/audit").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end(Buffer.buffer(body())));
    }

    byte[] body() {
        ClusterAuditor.Report report = auditor.latest();
        if (report != null) {
            return report.json();
        }
        String note = auditor.enabled()
                ? "the first audit runs when the cluster view has synced; ask again in a moment"
                : "cluster checks are off (idms.cluster-checks=off or no cluster found), so there is no cluster to audit;"
                        + " lint the objects offline: oc get idms,itms,icsp,images.config.openshift.io -o yaml | idms-lint lint -";
        return AuditJson.empty(auditor.enabled(), note, auditor.enforcement()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
