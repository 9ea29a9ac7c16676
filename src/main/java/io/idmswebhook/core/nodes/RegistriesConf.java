package io.idmswebhook.core.nodes;

import java.util.List;

/**
 * The nodes' {@code /etc/containers/registries.conf} as the Machine Config Operator writes it: the
 * unqualified-search header and the {@code [[registry]]} entries in file order. Only the fields the
 * operator sets are modelled; their names are the file's keys.
 */
public record RegistriesConf(List<String> unqualifiedSearchRegistries, List<Registry> registries) {

    /** The operator's template header, kept when the image config sets no search registries. */
    public static final List<String> DEFAULT_SEARCH_REGISTRIES = List.of("registry.access.redhat.com", "docker.io");

    public static final String DIGEST_ONLY = "digest-only";
    public static final String TAG_ONLY = "tag-only";

    public RegistriesConf {
        unqualifiedSearchRegistries = List.copyOf(unqualifiedSearchRegistries);
        registries = List.copyOf(registries);
    }

    /**
     * One {@code [[registry]]}. The operator writes a wildcard scope as {@code prefix} with an empty
     * {@code location}, and every other scope as {@code location} with an empty {@code prefix}.
     */
    public record Registry(String prefix, String location, boolean blocked, boolean insecure,
                           boolean mirrorByDigestOnly, List<Mirror> mirrors) {

        public Registry {
            prefix = prefix == null ? "" : prefix;
            location = location == null ? "" : location;
            mirrors = List.copyOf(mirrors);
        }

        /** What the entry matches and what the daemon keys it by: {@code prefix}, else {@code location}. */
        public String scope() {
            return prefix.isEmpty() ? location : prefix;
        }
    }

    /** One {@code [[registry.mirror]]}; {@code pullFromMirror} is empty when unset (both pull kinds). */
    public record Mirror(String location, boolean insecure, String pullFromMirror) {

        public Mirror {
            pullFromMirror = pullFromMirror == null ? "" : pullFromMirror;
        }

        /** Serves pulls by digest. */
        public boolean servesDigests() {
            return !pullFromMirror.equals(TAG_ONLY);
        }

        /** Serves pulls by tag, unless the entry says {@code mirror-by-digest-only}. */
        public boolean servesTags(Registry owner) {
            return !owner.mirrorByDigestOnly() && !pullFromMirror.equals(DIGEST_ONLY);
        }
    }

    /** The entry the daemon would find for {@code scope}: the last with that key, as its map keeps it. */
    public Registry entry(String scope) {
        Registry found = null;
        for (Registry r : registries) {
            if (r.scope().equals(scope)) {
                found = r;
            }
        }
        return found;
    }

    /** The file as TOML, in the operator's key order; false flags and empty values are left out. */
    public String toml() {
        StringBuilder sb = new StringBuilder();
        sb.append("unqualified-search-registries = [");
        for (int i = 0; i < unqualifiedSearchRegistries.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(TomlStrings.quote(unqualifiedSearchRegistries.get(i)));
        }
        sb.append("]\n");
        for (Registry r : registries) {
            sb.append("\n[[registry]]\n");
            sb.append("  prefix = ").append(TomlStrings.quote(r.prefix())).append('\n');
            if (!r.location().isEmpty()) {
                sb.append("  location = ").append(TomlStrings.quote(r.location())).append('\n');
            }
            if (r.insecure()) {
                sb.append("  insecure = true\n");
            }
            if (r.blocked()) {
                sb.append("  blocked = true\n");
            }
            if (r.mirrorByDigestOnly()) {
                sb.append("  mirror-by-digest-only = true\n");
            }
            for (Mirror m : r.mirrors()) {
                sb.append("\n  [[registry.mirror]]\n");
                sb.append("    location = ").append(TomlStrings.quote(m.location())).append('\n');
                if (m.insecure()) {
                    sb.append("    insecure = true\n");
                }
                if (!m.pullFromMirror().isEmpty()) {
                    sb.append("    pull-from-mirror = ").append(TomlStrings.quote(m.pullFromMirror())).append('\n');
                }
            }
        }
        return sb.toString();
    }
}
