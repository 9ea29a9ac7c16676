package io.idmswebhook.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.certs.CertificateGenerator;
import io.smallrye.certs.CertificateRequest;
import io.smallrye.certs.Format;
import io.smallrye.certs.PemCertificateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Secret volume as the kubelet lays it out and updates it, with two serving certificates to
 * rotate between. The kubelet's atomic writer keeps each version of the Secret in a hidden
 * timestamped directory, points {@code ..data} at the current one, and makes {@code tls.crt} and
 * {@code tls.key} symlinks through {@code ..data}; an update writes a new directory, renames a new
 * {@code ..data} symlink over the old one (a single atomic step) and removes the old directory.
 * The service is pointed at the symlinks, exactly as the Deployment mounts them.
 */
public class MountedSecretCertificates implements QuarkusTestResourceLifecycleManager {

    public static final Path ROOT = Path.of("target", "tls-rotation").toAbsolutePath();
    public static final Path VOLUME = ROOT.resolve("volume");
    public static final Path GENERATED = ROOT.resolve("generated");
    /** Short, so the test waits seconds rather than the production minute. */
    public static final Duration RELOAD_PERIOD = Duration.ofSeconds(2);

    @Override
    public Map<String, String> start() {
        try {
            deleteTree(ROOT);
            Files.createDirectories(VOLUME);
            Files.createDirectories(GENERATED);
            make("before");
            make("after");
            publish("before");
            return Map.of(
                    "idms.tls.cert", VOLUME.resolve("tls.crt").toString(),
                    "idms.tls.key", VOLUME.resolve("tls.key").toString(),
                    "idms.tls.reload-period", RELOAD_PERIOD.toSeconds() + "s");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the mounted Secret under " + ROOT, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the rotation certificates under " + GENERATED, e);
        }
    }

    /** After the global TestCertificates, whose idms.tls.cert/key these replace for this class. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        // Left under target/ for inspection after a failure.
    }

    /** A self-signed serving certificate for 127.0.0.1; the client trusts both by name. */
    private static void make(String name) throws Exception {
        new CertificateGenerator(GENERATED, true).generate(new CertificateRequest()
                .withName(name)
                .withCN("idms-webhook rotation " + name)
                .withSubjectAlternativeName("DNS:localhost")
                .withSubjectAlternativeName("IP:127.0.0.1")
                .withDuration(Duration.ofDays(1))
                .withFormat(Format.PEM));
    }

    public static Path certificate(String name) {
        return GENERATED.resolve(name + ".crt");
    }

    /**
     * Makes version {@code name} of the Secret current the way the kubelet does. Safe to call
     * while the server reads the files: at every instant the symlinks resolve to one complete
     * version, the old or the new.
     */
    public static void publish(String name) throws IOException {
        Path previous = Files.isSymbolicLink(VOLUME.resolve("..data"))
                ? VOLUME.resolve(Files.readSymbolicLink(VOLUME.resolve("..data"))) : null;
        String version = "..version_" + name + "_" + System.nanoTime();
        Path dir = Files.createDirectory(VOLUME.resolve(version));
        Files.copy(GENERATED.resolve(name + ".crt"), dir.resolve("tls.crt"));
        Files.copy(GENERATED.resolve(name + ".key"), dir.resolve("tls.key"));
        Path next = VOLUME.resolve("..data_tmp");
        Files.deleteIfExists(next);
        Files.createSymbolicLink(next, Path.of(version));
        Files.move(next, VOLUME.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        for (String file : new String[] {"tls.crt", "tls.key"}) {
            if (!Files.isSymbolicLink(VOLUME.resolve(file))) {
                Files.createSymbolicLink(VOLUME.resolve(file), Path.of("..data", file));
            }
        }
        if (previous != null) {
            deleteTree(previous);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
