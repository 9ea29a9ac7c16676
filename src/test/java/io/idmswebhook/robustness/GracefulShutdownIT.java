package io.idmswebhook.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idmswebhook.testsupport.FreePort;
import io.idmswebhook.testsupport.Tls;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged application (target/quarkus-app, run by failsafe after packaging): a
 * review whose body is still arriving when the signal comes is answered 200 with its uid, a review
 * sent during the drain gets a right answer or none (never a wrong or broken one), the process
 * exits on its own within the shutdown timeout, and then the port is closed.
 */
class GracefulShutdownIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path DIR = Path.of("target", "shutdown-it");

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void anInFlightReviewIsAnsweredAfterSigtermAndThenThePortCloses() throws Exception {
        assumeTrue(Files.exists(JAR), "no packaged application at " + JAR + "; run mvn package first");
        Files.createDirectories(DIR);
        PemCertificateFiles cert = (PemCertificateFiles) new CertificateGenerator(DIR, true).generate(new CertificateRequest()
                .withName("shutdown").withCN("localhost").withSubjectAlternativeName("DNS:localhost")
                .withSubjectAlternativeName("IP:127.0.0.1").withDuration(Duration.ofDays(1)).withFormat(Format.PEM)).get(0);
        int https = FreePort.loopback();
        int management = FreePort.loopback();
        Path log = DIR.resolve("app.log");
        process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.http.ssl-port=" + https, "-Dquarkus.management.port=" + management,
                "-Didms.tls.cert=" + cert.certFile().toAbsolutePath(), "-Didms.tls.key=" + cert.keyFile().toAbsolutePath(),
                "-Didms.cluster-checks=off", "-Dquarkus.log.console.json.enabled=false",
                "-jar", JAR.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitReady(management, log);

        byte[] review = Files.readAllBytes(Path.of("src/test/resources/golden/idms-allowed.request.json"));
        SSLSocket inFlight = (SSLSocket) Tls.trusting(cert.certFile()).getSocketFactory()
                .createSocket("127.0.0.1", https);
        inFlight.setSoTimeout(30_000);
        OutputStream out = inFlight.getOutputStream();
        out.write(("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Content-Length: " + review.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int half = review.length / 2;
        out.write(review, 0, half);
        out.flush();
        Thread.sleep(500);

        long signalled = System.nanoTime();
        process.destroy();   // SIGTERM on Linux
        Thread.sleep(1000);
        assertTrue(process.isAlive(), "exited without waiting for the review in flight; log: " + tail(log));

        // A review that arrives during the drain: Quarkus 3.33 still answers it (with Connection:
        // close) rather than refusing it, which with failurePolicy Fail is the kinder choice. What
        // must not happen is a wrong or broken answer.
        WebhookClient fresh = new WebhookClient(java.net.URI.create("https://localhost:" + https), cert.certFile());
        String lateOutcome;
        try {
            WebhookClient.Reply late = fresh.post("/validate", review);
            assertEquals(200, late.status(), "a review during the drain got " + late.status() + ": " + late.text());
            assertEquals("3f6c0e1a-0001-4c1e-9d55-2f1b8b7c0001", late.json().path("response").path("uid").asText());
            lateOutcome = "answered 200";
        } catch (IOException refused) {
            lateOutcome = "refused (" + refused.getMessage() + ")";
        }

        out.write(review, half, review.length - half);
        out.flush();
        String answer = new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        inFlight.close();
        assertTrue(answer.startsWith("HTTP/1.1 200"), "in-flight review not answered: " + answer);
        assertTrue(answer.contains("\"uid\":\"3f6c0e1a-0001-4c1e-9d55-2f1b8b7c0001\""), answer);

        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "still running 15 s after SIGTERM; log: " + tail(log));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        // 143 is 128 + SIGTERM: the JVM's code for an exit by that signal after the shutdown hooks ran.
        int code = process.exitValue();
        assertTrue(code == 0 || code == 143, "exit code " + code + "; log: " + tail(log));
        System.out.printf("shutdown: in-flight review answered, a review during the drain %s, exit code %d, %d ms after SIGTERM%n",
                lateOutcome, code, took);
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", https).close());
    }

    private void awaitReady(int management, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the application exited at start; log: " + tail(log));
            try {
                if (ManagementProbe.get("http://127.0.0.1:" + management + "/q/health/ready").status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within 90 s; log: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() <= 3000 ? s : s.substring(s.length() - 3000);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
