package io.idmswebhook.ops;

import java.net.Socket;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The key manager the HTTPS server is built around once, delegating to whichever loaded version of
 * the serving certificate is current, so that {@link RotatingServingCertificate} rotates by one
 * volatile write and the server never sees new SSL options.
 *
 * <p>A handshake asks for an alias first and for the key and chain of that alias afterwards; a
 * rotation may fall in between. The alias names its generation, so the key and chain come from
 * the same version as the alias, the previous one included.
 */
final class SwappingKeyManager extends X509ExtendedKeyManager {

    /** One loaded version of the files; aliases carry its id so a handshake never mixes two versions. */
    record Generation(int id, byte[] certPem, byte[] keyPem, KeyStore keyStore, X509Certificate leaf,
                      X509ExtendedKeyManager keyManager) {
        String prefix() {
            return id + "/";
        }
    }

    private volatile Generation current;
    private volatile Generation previous;

    /**
     * Handshakes that start from now on get {@code next}; one that already chose an alias of the
     * version being replaced still finishes on that version.
     */
    void swapTo(Generation next) {
        previous = current;
        current = next;
    }

    private Generation of(String alias) {
        Generation c = current;
        if (alias != null && c != null && alias.startsWith(c.prefix())) {
            return c;
        }
        Generation p = previous;
        if (alias != null && p != null && alias.startsWith(p.prefix())) {
            return p;
        }
        return null;
    }

    private static String tag(Generation g, String alias) {
        return alias == null ? null : g.prefix() + alias;
    }

    private static String[] tag(Generation g, String[] aliases) {
        if (aliases == null) {
            return null;
        }
        return Arrays.stream(aliases).map(a -> g.prefix() + a).toArray(String[]::new);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        Generation g = current;
        return tag(g, g.keyManager.chooseEngineServerAlias(keyType, issuers, engine));
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        Generation g = current;
        return tag(g, g.keyManager.chooseServerAlias(keyType, issuers, socket));
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        Generation g = current;
        return tag(g, g.keyManager.getServerAliases(keyType, issuers));
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        Generation g = of(alias);
        return g == null ? null : g.keyManager.getCertificateChain(alias.substring(g.prefix().length()));
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        Generation g = of(alias);
        return g == null ? null : g.keyManager.getPrivateKey(alias.substring(g.prefix().length()));
    }

    // The webhook port presents a server certificate only; it never acts as a TLS client.
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
