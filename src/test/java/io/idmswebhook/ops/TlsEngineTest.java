package io.idmswebhook.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import org.junit.jupiter.api.Test;

class TlsEngineTest {

    private static HttpServerOptions customized(String setting) {
        TlsEngine engine = new TlsEngine();
        engine.configured = setting;
        HttpServerOptions options = new HttpServerOptions();
        engine.customizeHttpsServer(options);
        return options;
    }

    @Test
    void jdkNeverUsesOpenSsl() {
        assertInstanceOf(JdkSSLEngineOptions.class, customized("jdk").getSslEngineOptions());
    }

    @Test
    void autoUsesBoringSslWhereTheBuildShipsItAndTheJdkElsewhere() {
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch");
        boolean shipped = os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        if (shipped) {
            // The JVM build carries netty-tcnative's libraries for exactly these two platforms.
            assertTrue(OpenSSLEngineOptions.isAvailable(), "netty-tcnative did not load on " + os + "/" + arch);
            assertInstanceOf(OpenSSLEngineOptions.class, customized("auto").getSslEngineOptions());
            assertInstanceOf(OpenSSLEngineOptions.class, customized(" OpenSSL ").getSslEngineOptions());
        } else {
            assertInstanceOf(JdkSSLEngineOptions.class, customized("auto").getSslEngineOptions());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> customized("openssl"));
            assertTrue(e.getMessage().startsWith("idms.tls.engine=openssl but netty-tcnative"), e.getMessage());
        }
    }

    @Test
    void anUnknownSettingIsRefusedNamingTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> customized("boring"));
        assertEquals("idms.tls.engine=boring is not one of auto, openssl, jdk", e.getMessage());
    }
}
