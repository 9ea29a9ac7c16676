package io.idmswebhook.it;

import io.idmswebhook.testsupport.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What the packaged application needs to run as a test subject on a shared machine. An
 * integration test starts the artifact in the prod profile, where the service binds all
 * addresses and looks for a cluster; here it binds loopback only and never talks to a cluster
 * that a developer's kubeconfig happens to point at, whatever the machine has. The serving
 * certificate comes from the global {@code TestCertificates} resource as for every other test.
 *
 * <p>The webhook port is random through {@code quarkus.http.test-ssl-port=0}: the launcher reads
 * the bound port from the log. It does not do that for the management interface, whose port it
 * neither sets nor reads, so the fixed 9000 would collide with any other service on the machine.
 * A free port is picked here instead and published to the tests as {@value #MANAGEMENT_PORT}.
 */
public class PackagedAppSettings implements QuarkusTestResourceLifecycleManager {

    /** System property naming the management port of the launched application. */
    public static final String MANAGEMENT_PORT = "idms.it.management-port";

    @Override
    public Map<String, String> start() {
        int management = FreePort.loopback();
        System.setProperty(MANAGEMENT_PORT, Integer.toString(management));
        return Map.of(
                "quarkus.http.host", "127.0.0.1",
                "quarkus.management.host", "127.0.0.1",
                "quarkus.management.port", Integer.toString(management),
                "idms.cluster-checks", "off");
    }

    /** The management URL of the launched application, for a path under the management root (/q). */
    public static java.net.URL management(String path) {
        String port = System.getProperty(MANAGEMENT_PORT);
        if (port == null) {
            throw new IllegalStateException(MANAGEMENT_PORT + " is not set: the test class lacks @WithTestResource(PackagedAppSettings.class)");
        }
        try {
            return java.net.URI.create("http://127.0.0.1:" + port + "/q" + path).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(path, e);
        }
    }

    @Override
    public void stop() {
        System.clearProperty(MANAGEMENT_PORT);
    }
}
