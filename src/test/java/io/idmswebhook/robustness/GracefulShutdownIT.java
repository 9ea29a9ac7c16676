package io.idmswebhook.robustness;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.idmswebhook.testsupport.FreePort;
import io.idmswebhook.testsupport.Tls;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on the packaged application (target/quarkus-app, run by failsafe after packaging): a
 * review whose body is still arriving when the signal comes is answered 200 with its uid, a review
 * sent during the drain gets a right answer or none (never a wrong or broken one), the process
 * exits on its own before the kubelet would kill it, and then the port is closed. Every wait is on
 * a condition with a generous deadline, not a fixed sleep, so a busy machine makes it slower, not red.
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
        Path log = DIR.resolve("app.log");
        int https = start(cert, log);
        SSLContext tls = Tls.trusting(cert.certFile());

        byte[] review = Files.readAllBytes(Path.of("src/test/resources/golden/idms-allowed.request.json"));
        SSLSocket inFlight = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", https);
        inFlight.setSoTimeout(ANSWER_TIMEOUT_MS);
        OutputStream out = inFlight.getOutputStream();
        // Expect: 100-continue makes the server say when it has begun the request; only then is
        // the review in flight when the signal comes, however slowly this machine runs. It
        // changes nothing else: the body that follows is read and answered as any other.
        out.write(("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nConnection: close\r\n"
                + "Expect: 100-continue\r\nContent-Length: " + review.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String interim = head(inFlight.getInputStream());
        assertTrue(interim.startsWith("HTTP/1.1 100"), "no 100 Continue for the review in flight: " + interim);
        int half = review.length / 2;
        out.write(review, 0, half);
        out.flush();

        long signalled = System.nanoTime();
        process.destroy();   // SIGTERM on Linux
        // A review that arrives during the drain: Quarkus 3.33 still answers it, with
        // Connection: close, rather than refusing it, which with failurePolicy Fail is the kinder
        // choice. What must not happen is a wrong or broken answer. Fresh reviews until one shows
        // the drain has begun (that header, or a refused connection): a condition, not a guess at
        // how long the JVM takes to act on the signal.
        String lateOutcome = awaitDrain(tls, https, review, log);
        assertTrue(process.isAlive(), "exited without waiting for the review in flight; log: " + tail(log));

        out.write(review, half, review.length - half);
        out.flush();
        String answer = new String(inFlight.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        inFlight.close();
        assertTrue(answer.startsWith("HTTP/1.1 200"), "in-flight review not answered: " + answer);
        assertTrue(answer.contains("\"uid\":\"" + UID + "\""), answer);

        // The kubelet sends SIGKILL terminationGracePeriodSeconds (30 s, deploy/base) after SIGTERM.
        assertTrue(process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS), "still running " + GRACE.toSeconds()
                + " s after SIGTERM; log: " + tail(log));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        // 143 is 128 + SIGTERM: the JVM's code for an exit by that signal after the shutdown hooks ran.
        int code = process.exitValue();
        assertTrue(code == 0 || code == 143, "exit code " + code + "; log: " + tail(log));
        System.out.printf("shutdown: in-flight review answered, a review during the drain %s, exit code %d, %d ms after SIGTERM%n",
                lateOutcome, code, took);
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", https).close());
    }

    /** The uid of the golden review the test sends. */
    static final String UID = "3f6c0e1a-0001-4c1e-9d55-2f1b8b7c0001";
    /** Per read: the API server's longest webhook timeout. */
    static final int ANSWER_TIMEOUT_MS = 30_000;
    static final Duration GRACE = Duration.ofSeconds(30);
    /**
     * How long after SIGTERM the drain may take to show. Below the service's shutdown timeout
     * (10 s), after which it would drop the review in flight and the test would blame the wrong thing.
     */
    static final Duration DRAIN_SHOWS = Duration.ofSeconds(8);

    /**
     * Sends fresh reviews until one is answered with Connection: close or refused, and checks that
     * every answer is the right one. Returns what the last one got.
     */
    private String awaitDrain(SSLContext tls, int https, byte[] review, Path log) throws Exception {
        long deadline = System.nanoTime() + DRAIN_SHOWS.toNanos();
        int sent = 0;
        while (System.nanoTime() < deadline) {
            sent++;
            String head;
            byte[] body;
            try (SSLSocket late = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", https)) {
                late.setSoTimeout(ANSWER_TIMEOUT_MS);
                late.getOutputStream().write(("POST /validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + review.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                late.getOutputStream().write(review);
                late.getOutputStream().flush();
                InputStream in = late.getInputStream();
                head = head(in);
                body = in.readNBytes(contentLength(head));
            } catch (IOException refused) {
                return "refused after " + sent + " review(s) (" + refused + ")";
            }
            assertTrue(head.startsWith("HTTP/1.1 200"), "a review during the drain got: " + head);
            String text = new String(body, StandardCharsets.UTF_8);
            assertTrue(text.contains("\"uid\":\"" + UID + "\""), "a review during the drain got: " + text);
            if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
                return "answered 200 with Connection: close (review " + sent + " after SIGTERM)";
            }
        }
        throw new AssertionError("no sign of the drain " + DRAIN_SHOWS.toSeconds() + " s after SIGTERM (" + sent
                + " reviews answered as usual); log: " + tail(log));
    }

    /** An HTTP response head, up to and including the blank line, without reading further. */
    private static String head(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 8192 && (sb.length() < 4 || !sb.substring(sb.length() - 4).equals("\r\n\r\n"))) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed in the response head: " + sb);
            }
            sb.append((char) b);
        }
        return sb.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        throw new AssertionError("no Content-Length in " + head);
    }

    /**
     * Starts the packaged application on free loopback ports and waits until it is ready; returns
     * the webhook port. A port picked free can be taken before the application binds it: then the
     * start is retried on other ports, so that race is not a test failure.
     */
    private int start(PemCertificateFiles cert, Path log) throws Exception {
        for (int attempt = 1; ; attempt++) {
            int https = FreePort.loopback();
            int management = FreePort.loopback();
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.management.host=127.0.0.1",
                    "-Dquarkus.http.ssl-port=" + https, "-Dquarkus.management.port=" + management,
                    "-Didms.tls.cert=" + cert.certFile().toAbsolutePath(), "-Didms.tls.key=" + cert.keyFile().toAbsolutePath(),
                    "-Didms.cluster-checks=off", "-Dquarkus.log.console.json.enabled=false",
                    "-jar", JAR.toAbsolutePath().toString()))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (awaitReady(management, log)) {
                return https;
            }
            String why = tail(log);
            // Quarkus 3.33 logs "Port N seems to be in use by another process"; the JDK says
            // "Address already in use".
            if (attempt == 3 || !why.contains("in use")) {
                throw new AssertionError("the application exited at start (attempt " + attempt + "); log: " + why);
            }
        }
    }

    /** True once ready; false when the process exited first. */
    private boolean awaitReady(int management, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (ManagementProbe.get("http://127.0.0.1:" + management + "/q/health/ready").status() == 200) {
                    return true;
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
