package io.idmswebhook.core.location;

import java.util.List;

/**
 * A location that matches the CRD grammar: {@code host[:port][/path]}, or for a source
 * {@code *.domain}.
 *
 * @param raw      the string as written
 * @param wildcard true for {@code *.domain}; then {@code host} is the domain without {@code *.}
 * @param host     host name or IPv4 address, as written (case kept)
 * @param port     the port digits as written, or null
 * @param path     path components, empty for a host-only location
 */
public record Location(String raw, boolean wildcard, String host, String port, List<String> path) {

    public Location {
        path = List.copyOf(path);
    }

    public boolean hasPath() {
        return !path.isEmpty();
    }

    /** No port and no path: {@code quay.io}. */
    public boolean isBareHost() {
        return !wildcard && port == null && path.isEmpty();
    }

    /** {@code host[:port]}, the registry part. */
    public String registry() {
        return port == null ? host : host + ":" + port;
    }
}
