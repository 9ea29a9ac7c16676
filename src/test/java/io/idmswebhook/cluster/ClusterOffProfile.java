package io.idmswebhook.cluster;

import java.util.HashMap;
import java.util.Map;

/** The embedded default: no cluster, cross-object checks off. */
public class ClusterOffProfile extends ClusterOnProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> m = new HashMap<>(super.getConfigOverrides());
        m.put("idms.cluster-checks", "off");
        return m;
    }
}
