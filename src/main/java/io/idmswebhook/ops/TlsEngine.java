package io.idmswebhook.ops;

import io.netty.handler.ssl.OpenSsl;
import io.quarkus.runtime.ImageMode;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses the TLS implementation of the webhook port ({@code idms.tls.engine}).
 *
 * <p>Every review is a TLS record in and one out; with the JDK's engine that was about a fifth of
 * the CPU of a typical review (bench/README.md). BoringSSL through netty-tcnative does the same
 * work in native code for a fraction of it, so {@code auto} takes it whenever its library loads:
 * in the JVM build on linux-x86_64 and linux-aarch64. The native executable and other platforms do
 * not ship it, and there {@code auto} stays on the JDK's engine. {@code openssl} refuses to start
 * without it rather than silently serving on the other one; {@code jdk} never uses it.
 *
 * <p>Nothing else changes with the engine: the protocols, cipher suites and client-certificate
 * setting come from the same TLS configuration, and the key manager of
 * {@link RotatingServingCertificate} is asked for the certificate at every handshake by either
 * engine, so rotation works the same.
 */
@ApplicationScoped
public class TlsEngine implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(TlsEngine.class);

    enum Choice { AUTO, OPENSSL, JDK }

    @ConfigProperty(name = "idms.tls.engine", defaultValue = "auto")
    String configured;

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        Choice choice = choice(configured);
        // The native executable is built without netty-tcnative; it never touches the OpenSSL classes.
        boolean available = !ImageMode.current().isNativeImage() && OpenSSLEngineOptions.isAvailable();
        if (choice == Choice.OPENSSL && !available) {
            throw new IllegalStateException("idms.tls.engine=openssl but netty-tcnative's BoringSSL library did not load ("
                    + unavailabilityCause() + "); use idms.tls.engine=auto or jdk, or run the JVM build on linux-x86_64/aarch64");
        }
        if (choice != Choice.JDK && available) {
            // No session cache: the API server keeps its connections open, so resumption saves little
            // and a cache is state a rotated certificate would outlive.
            options.setSslEngineOptions(new OpenSSLEngineOptions().setSessionCacheEnabled(false));
            LOG.infof("TLS on the webhook port: OpenSSL engine (%s)", OpenSsl.versionString());
        } else {
            options.setSslEngineOptions(new JdkSSLEngineOptions());
            if (choice == Choice.JDK || ImageMode.current().isNativeImage()) {
                LOG.infof("TLS on the webhook port: JDK engine (idms.tls.engine=%s%s)", configured.trim().toLowerCase(Locale.ROOT),
                        choice == Choice.JDK ? "" : "; " + unavailabilityCause());
            } else {
                // The JVM build ships the library; not loading it (a noexec or read-only /tmp, another
                // platform) costs CPU on every review, so say so where an SRE looks.
                LOG.warnf("TLS on the webhook port: JDK engine, because BoringSSL did not load (%s); reviews cost "
                        + "more CPU. Give the JVM a writable, executable /tmp (or io.netty.native.workdir), or set "
                        + "idms.tls.engine=jdk to choose this engine", unavailabilityCause());
            }
        }
    }

    static Choice choice(String value) {
        try {
            return Choice.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("idms.tls.engine=" + value + " is not one of auto, openssl, jdk", e);
        }
    }

    private static String unavailabilityCause() {
        if (ImageMode.current().isNativeImage()) {
            return "the native executable does not carry it";
        }
        Throwable cause = OpenSsl.unavailabilityCause();
        return cause == null ? "no cause given" : cause.toString();
    }
}
