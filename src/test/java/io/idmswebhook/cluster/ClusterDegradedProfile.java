package io.idmswebhook.cluster;

import java.util.HashMap;
import java.util.Map;

/** The same settings on an app of its own, so stopping its mock API server harms no other test. */
public class ClusterDegradedProfile extends ClusterOnProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return new HashMap<>(super.getConfigOverrides());
    }
}
