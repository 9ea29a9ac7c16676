package io.idmswebhook.core.location;

import java.util.List;

/**
 * A location that matches the CRD grammar: {@code host[:port][/path]}, or for a source
 * {@code *.domain}. Only {@link LocationParser} makes one, from a string it has accepted.
 *
 * <p>It keeps the string and where its parts end, and cuts a part out when asked for it: every
 * location of a large object is parsed, but the rules read the path components of few of them,
 * and a list per location was a measurable share of what a review allocates. Host and port are
 * read several times per location by the syntax rules, so each is cut out once and kept.
 */
public final class Location {

    private final String raw;
    private final boolean wildcard;
    private final int hostEnd;
    private final int registryEnd;
    /*
     * Filled on first use. Two threads may both fill one; they store equal immutable strings, so
     * either result is right and no reader sees a partly built one.
     */
    private String host;
    private String port;

    /**
     * @param raw         a string the grammar accepts
     * @param wildcard    true for {@code *.domain}
     * @param hostEnd     where the host ends (at {@code :}, {@code /} or the end)
     * @param registryEnd where {@code host[:port]} ends (at {@code /} or the end)
     */
    Location(String raw, boolean wildcard, int hostEnd, int registryEnd) {
        this.raw = raw;
        this.wildcard = wildcard;
        this.hostEnd = hostEnd;
        this.registryEnd = registryEnd;
    }

    /** The string as written. */
    public String raw() {
        return raw;
    }

    /** True for {@code *.domain}; then {@link #host()} is the domain without {@code *.}. */
    public boolean wildcard() {
        return wildcard;
    }

    /** Host name or IPv4 address, as written (case kept). */
    public String host() {
        String h = host;
        if (h == null) {
            int start = wildcard ? 2 : 0;
            h = start == 0 && hostEnd == raw.length() ? raw : raw.substring(start, hostEnd);
            host = h;
        }
        return h;
    }

    /** The port digits as written, or null. */
    public String port() {
        if (!hasPort()) {
            return null;
        }
        String p = port;
        if (p == null) {
            p = raw.substring(hostEnd + 1, registryEnd);
            port = p;
        }
        return p;
    }

    private boolean hasPort() {
        return registryEnd > hostEnd;
    }

    /** Path components, empty for a host-only location; a new list on every call. */
    public List<String> path() {
        if (!hasPath()) {
            return List.of();
        }
        int count = 1;
        for (int i = registryEnd + 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '/') {
                count++;
            }
        }
        String[] components = new String[count];
        int start = registryEnd + 1;
        for (int k = 0; k < count; k++) {
            int end = k == count - 1 ? raw.length() : raw.indexOf('/', start);
            components[k] = raw.substring(start, end);
            start = end + 1;
        }
        return List.of(components);
    }

    public boolean hasPath() {
        return registryEnd < raw.length();
    }

    /** No port and no path: {@code quay.io}. */
    public boolean isBareHost() {
        return !wildcard && hostEnd == raw.length();
    }

    /** {@code host[:port]}, the registry part. */
    public String registry() {
        if (wildcard) {
            return host();
        }
        return registryEnd == raw.length() ? raw : raw.substring(0, registryEnd);
    }

    /** The parts follow from the string, so two locations are equal when their strings are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Location other && raw.equals(other.raw);
    }

    @Override
    public int hashCode() {
        return raw.hashCode();
    }

    @Override
    public String toString() {
        return "Location[raw=" + raw + ", wildcard=" + wildcard + ", host=" + host() + ", port=" + port()
                + ", path=" + path() + "]";
    }
}
