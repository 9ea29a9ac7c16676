package io.idmswebhook.core.location;

/**
 * How the nodes decide that a source scope covers an image reference: the prefix match of
 * containers/image, used for registries.conf entries, blocked registries and mirrors alike.
 * A prefix matches when it equals the reference or is followed by {@code /}, {@code :} or
 * {@code @} (so {@code quay.io} also matches {@code quay.io:5000/x}, rule P10); a wildcard
 * {@code *.example.com} matches any host ending in {@code .example.com}.
 */
public final class Scopes {

    private Scopes() {
    }

    /**
     * Length of the match of {@code scope} against {@code ref}, or -1 when it does not cover it.
     * Longer means more specific: the nodes use the longest match.
     */
    public static int matchLength(String scope, String ref) {
        if (scope == null || ref == null || scope.isEmpty()) {
            return -1;
        }
        if (scope.startsWith("*.")) {
            String suffix = scope.substring(1);
            int index = ref.indexOf(suffix);
            if (index <= 0) {
                return -1;
            }
            for (int i = 0; i < index; i++) {
                if (ref.charAt(i) == '/') {
                    return -1;
                }
            }
            int end = index + suffix.length();
            return end == ref.length() || isBoundary(ref.charAt(end)) ? scope.length() : -1;
        }
        if (!ref.startsWith(scope)) {
            return -1;
        }
        return ref.length() == scope.length() || isBoundary(ref.charAt(scope.length())) ? scope.length() : -1;
    }

    public static boolean covers(String scope, String ref) {
        return matchLength(scope, ref) >= 0;
    }

    /** {@code inner} is a different, more specific scope that {@code outer} covers. */
    public static boolean strictlyInside(String inner, String outer) {
        if (inner.equals(outer)) {
            return false;
        }
        if (inner.startsWith("*.")) {
            // a wildcard is inside another wildcard only when its domain is a subdomain
            return outer.startsWith("*.") && inner.endsWith(outer.substring(1));
        }
        return covers(outer, inner);
    }

    public static boolean isBoundary(char c) {
        return c == '/' || c == ':' || c == '@';
    }
}
