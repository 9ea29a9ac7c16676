package io.idmswebhook.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterChecksTest {

    @TempDir
    Path home;

    @Test
    void autoIsOffWithoutKubeconfigOrServiceAccount() {
        assertEquals(ClusterChecks.OFF, ClusterChecks.AUTO.resolve(Map.of(), home));
    }

    @Test
    void autoIsOnWithKubeconfigVariable() {
        assertEquals(ClusterChecks.ON, ClusterChecks.AUTO.resolve(Map.of("KUBECONFIG", "/somewhere/config"), home));
    }

    @Test
    void autoIsOnWithKubeconfigInHome() throws Exception {
        Files.createDirectories(home.resolve(".kube"));
        Files.writeString(home.resolve(".kube/config"), "apiVersion: v1\nkind: Config\n");
        assertEquals(ClusterChecks.ON, ClusterChecks.AUTO.resolve(Map.of(), home));
    }

    @Test
    void explicitSettingsWin() {
        assertEquals(ClusterChecks.OFF, ClusterChecks.OFF.resolve(Map.of("KUBECONFIG", "/x"), home));
        assertEquals(ClusterChecks.ON, ClusterChecks.ON.resolve(Map.of(), home));
    }
}
