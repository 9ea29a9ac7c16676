package io.idmswebhook.robustness;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

/**
 * The service with client-certificate verification on, as a cluster that gives the API server a
 * client certificate would run it: a CA made for the run, one client certificate it signed (the
 * "API server") and one it did not (a stranger in the pod network).
 */
public class ClientCertificateProfile implements QuarkusTestProfile {

    static final Path DIR = Path.of("target", "test-certs", "client-auth");
    static final String PASSWORD = "test-only";
    static final Path CA = DIR.resolve("client-ca.crt");
    static final Path API_SERVER = DIR.resolve("apiserver-keystore.p12");
    static final Path STRANGER = DIR.resolve("stranger-keystore.p12");

    @Override
    public Map<String, String> getConfigOverrides() {
        make();
        return Map.of("idms.tls.client-auth", "required",
                "quarkus.tls.webhook.trust-store.pem.certs", CA.toAbsolutePath().toString());
    }

    /**
     * With the JDK's keytool, because the CA must be a real one (basic constraints CA, key usage
     * keyCertSign) for the server's PKIX check to accept what it signed.
     */
    static synchronized void make() {
        try {
            java.nio.file.Files.createDirectories(DIR);
            for (String f : new String[] {"ca.p12", "client-ca.crt", "apiserver-keystore.p12", "apiserver.csr",
                    "apiserver.crt", "stranger-keystore.p12"}) {
                java.nio.file.Files.deleteIfExists(DIR.resolve(f));
            }
            String ca = DIR.resolve("ca.p12").toString();
            String api = API_SERVER.toString();
            keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=idms-test-client-ca", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-keystore", ca);
            keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-file", CA.toString());
            keytool("-genkeypair", "-alias", "apiserver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=kube-apiserver", "-keystore", api);
            keytool("-certreq", "-alias", "apiserver", "-keystore", api, "-file", DIR.resolve("apiserver.csr").toString());
            keytool("-gencert", "-alias", "ca", "-keystore", ca, "-validity", "2", "-rfc", "-ext", "eku=clientAuth",
                    "-ext", "ku:c=digitalSignature", "-infile", DIR.resolve("apiserver.csr").toString(),
                    "-outfile", DIR.resolve("apiserver.crt").toString());
            keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", api, "-file", CA.toString());
            keytool("-importcert", "-alias", "apiserver", "-keystore", api, "-file", DIR.resolve("apiserver.crt").toString());
            keytool("-genkeypair", "-alias", "stranger", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                    "-dname", "CN=kube-apiserver", "-ext", "eku=clientAuth", "-keystore", STRANGER.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the client certificates in " + DIR, e);
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }

    static KeyStore load(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(p12)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }
}
