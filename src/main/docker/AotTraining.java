import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Training run for the JDK AOT cache of the JVM image (Dockerfile.jvm): starts the packaged
 * service with -XX:AOTCacheOutput and the runtime flags, waits until POST /validate answers,
 * sends reviews to /validate and /mutate and reads the health and metrics endpoints as the
 * kubelet and Prometheus would, then stops it with SIGTERM; the JVM writes the cache on exit.
 *
 * It needs nothing but a Java runtime: keytool makes the throwaway certificate and the JDK's
 * HTTP client sends the requests, so the runtime base image needs no package manager, openssl
 * or curl. It runs compiled (the image's training stage) or as a source file on a JDK 25:
 *   java src/main/docker/AotTraining.java APP_DIR CACHE_FILE REVIEW_JSON
 * Environment: JAVA_OPTS, the runtime flags the cache must match; PORT (8443) and MPORT (9000),
 * the webhook and management ports of the run. The service runs on the JVM running this class.
 *
 * One file on purpose: a source-file launch runs a single file with no build and no class path,
 * so the training run keeps its certificate, requests and process handling together here.
 */
public final class AotTraining {

    private static final int ROUNDS = 300;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(300);
    private static final char[] PASSWORD = "training".toCharArray();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: AotTraining APP_DIR CACHE_FILE REVIEW_JSON");
            System.exit(2);
        }
        Path app = Path.of(args[0]).toAbsolutePath();
        Path cache = Path.of(args[1]).toAbsolutePath();
        byte[] review = Files.readAllBytes(Path.of(args[2]));
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8443"));
        int managementPort = Integer.parseInt(System.getenv().getOrDefault("MPORT", "9000"));
        Path work = Files.createTempDirectory("aot-training");
        int exit = 0;
        try {
            KeyStore keys = certificate(work);
            Process service = start(app, cache, work, port, managementPort);
            try {
                train(client(keys), review, port, managementPort, service);
            } finally {
                // SIGTERM: the JVM writes the cache while it exits, which takes a while.
                service.destroy();
                if (!service.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                    throw new Failure("the service did not exit within " + EXIT_TIMEOUT.toSeconds() + " s of SIGTERM");
                }
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new Failure("no AOT cache written to " + cache);
            }
            System.out.println("aot-training: wrote " + cache + " (" + Files.size(cache) + " bytes)");
        } catch (Failure failure) {
            Path log = work.resolve("service.log");
            if (Files.isRegularFile(log)) {
                System.err.println("aot-training: the service's output:");
                System.err.println(Files.readString(log));
            }
            System.err.println("aot-training: " + failure.getMessage());
            exit = 1;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(exit);
    }

    /** A step that did not work; the service's output is printed with it. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String reason) {
            super(reason);
        }
    }

    /** A self-signed certificate for 127.0.0.1, written as the PEM files the service reads. */
    private static KeyStore certificate(Path work) throws Exception {
        Path store = work.resolve("training.p12");
        run(List.of(tool("keytool"), "-genkeypair", "-alias", "training", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)), work);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        PrivateKey key = (PrivateKey) keys.getKey("training", PASSWORD);
        Certificate certificate = keys.getCertificate("training");
        Files.writeString(work.resolve("tls.key"), pem("PRIVATE KEY", key.getEncoded()));
        Files.writeString(work.resolve("tls.crt"), pem("CERTIFICATE", certificate.getEncoded()));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("training", certificate);
        return trust;
    }

    private static Process start(Path app, Path cache, Path work, int port, int managementPort) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(tool("java"));
        String opts = System.getenv().getOrDefault("JAVA_OPTS", "").trim();
        if (!opts.isEmpty()) {
            command.addAll(List.of(opts.split("\\s+")));
        }
        // The same class path and logging setup as the image's start command, so the cache
        // holds the classes a real start loads.
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache,
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-Didms.tls.cert=" + work.resolve("tls.crt"), "-Didms.tls.key=" + work.resolve("tls.key"),
                "-Didms.cluster-checks=off",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.http.ssl-port=" + port, "-Dquarkus.management.port=" + managementPort,
                "-jar", app.resolve("quarkus-run.jar").toString()));
        return new ProcessBuilder(command).directory(app.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile()).start();
    }

    private static void train(HttpClient client, byte[] review, int port, int managementPort, Process service)
            throws Exception {
        URI validate = URI.create("https://127.0.0.1:" + port + "/validate");
        URI mutate = URI.create("https://127.0.0.1:" + port + "/mutate");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (status(client, post(validate, review)) != 200) {
            if (!service.isAlive()) {
                throw new Failure("the service exited (" + service.exitValue() + ") before it answered");
            }
            if (System.nanoTime() > deadline) {
                throw new Failure("the service did not answer POST /validate within " + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
        String management = "http://127.0.0.1:" + managementPort;
        for (int i = 0; i < ROUNDS; i++) {
            expect(200, client, post(validate, review));
            expect(200, client, post(mutate, review));
            if (i % 30 == 0) {
                for (String path : List.of("/q/health/ready", "/q/health/live", "/q/metrics")) {
                    expect(200, client, HttpRequest.newBuilder(URI.create(management + path)).GET().build());
                }
            }
        }
    }

    private static HttpRequest post(URI uri, byte[] body) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(Duration.ofSeconds(10)).build();
    }

    private static int status(HttpClient client, HttpRequest request) throws InterruptedException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListeningYet) {
            return -1;
        }
    }

    private static void expect(int wanted, HttpClient client, HttpRequest request) throws Exception {
        int got = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (got != wanted) {
            throw new Failure(request.method() + " " + request.uri() + " answered " + got + ", not " + wanted);
        }
    }

    private static HttpClient client(KeyStore trust) throws Exception {
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(List<String> command, Path work) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("keytool.log").toFile()).start();
        if (process.waitFor() != 0) {
            throw new Failure(command.get(0) + " failed with exit code " + process.exitValue() + ": "
                    + Files.readString(work.resolve("keytool.log")));
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
