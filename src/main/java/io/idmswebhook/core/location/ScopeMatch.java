package io.idmswebhook.core.location;

/**
 * The two scope comparisons of the node side, which differ on purpose and must not be unified:
 * the Machine Config Operator's nesting test (a path boundary {@code /} only) decides which
 * entries inherit blocked/insecure flags and copied mirrors, while containers/image's prefix match
 * (boundaries {@code /}, {@code :} and {@code @}) decides which entry a pull uses.
 */
public final class ScopeMatch {

    private ScopeMatch() {
    }

    /**
     * The operator's "is {@code sub} nested inside {@code sup}": equal; or a path below it; or, for a
     * wildcard {@code sup}, a host (before any port or path) ending in its domain.
     */
    public static boolean nested(String sub, String sup) {
        if (sup.equals(sub)) {
            return true;
        }
        if (sub.length() > sup.length() && sub.startsWith(sup) && sub.charAt(sup.length()) == '/') {
            return true;
        }
        if (sup.startsWith("*.")) {
            String domain = sup.substring(1);
            int colon = sub.indexOf(':');
            if (colon >= 0) {
                String host = sub.substring(0, colon);
                return host.endsWith(domain) && !host.contains("/");
            }
            int slash = sub.indexOf('/');
            return (slash < 0 ? sub : sub.substring(0, slash)).endsWith(domain);
        }
        return false;
    }

    /** The operator's check of an image-config scope: not empty, and a wildcard only as {@code *.domain}. */
    public static boolean validConfScope(String scope) {
        if (scope == null || scope.isEmpty()) {
            return false;
        }
        if (!scope.contains("*")) {
            return true;
        }
        if (!scope.startsWith("*.")) {
            return false;
        }
        String rest = scope.substring(2);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '@' || c == ':' || c == '*') {
                return false;
            }
        }
        return true;
    }

    /**
     * containers/image's match of a registries.conf {@code prefix} against a reference string: the
     * length of {@code ref} the prefix consumes (what a mirror's location replaces), or -1.
     */
    public static int prefixMatch(String ref, String prefix) {
        if (prefix.startsWith("*.")) {
            String domain = prefix.substring(1);
            int index = ref.indexOf(domain);
            if (index < 0) {
                return -1;
            }
            if (ref.substring(0, index).contains("/")) {
                return -1;
            }
            int end = index + domain.length();
            return end == ref.length() || boundary(ref.charAt(end)) ? end : -1;
        }
        if (ref.length() < prefix.length() || !ref.startsWith(prefix)) {
            return -1;
        }
        return ref.length() == prefix.length() || boundary(ref.charAt(prefix.length())) ? prefix.length() : -1;
    }

    private static boolean boundary(char c) {
        return c == '/' || c == ':' || c == '@';
    }
}
