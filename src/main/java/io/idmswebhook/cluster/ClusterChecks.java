package io.idmswebhook.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code idms.cluster-checks}: whether cross-object rules read the cluster. */
public enum ClusterChecks {
    /** On when a kubeconfig or an in-cluster service account is found, else off. */
    AUTO,
    ON,
    OFF;

    static final Path SERVICE_ACCOUNT_TOKEN = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token");

    /** AUTO resolved against the environment; ON and OFF as they are. */
    public ClusterChecks resolve(Map<String, String> env, Path home) {
        if (this != AUTO) {
            return this;
        }
        boolean inCluster = env.containsKey("KUBERNETES_SERVICE_HOST") && Files.isReadable(SERVICE_ACCOUNT_TOKEN);
        String kubeconfig = env.get("KUBECONFIG");
        boolean hasKubeconfig = kubeconfig != null && !kubeconfig.isBlank()
                || home != null && Files.isReadable(home.resolve(".kube").resolve("config"));
        return inCluster || hasKubeconfig ? ON : OFF;
    }
}
