package io.idmswebhook.core.nodes;

/**
 * The CRD's patterns for a source and a mirror, which the Machine Config Operator applies again
 * before it renders (to ICSP too, which has no schema), as a scan instead of a regular
 * expression. Every review renders the file before and after the write, so these run for every
 * location of the cluster's affected entries twice a review; the backtracking regex was the
 * largest single cost of a review. {@code CrdLocationPatternTest} holds the scan to the CRD's
 * regex on generated strings.
 *
 * <p>The grammar: a host is dot-separated labels of ASCII letters, digits and inner hyphens, with
 * an optional {@code :digits} port; a path is one or more {@code /component}, where a component is
 * lower-case letters and digits in runs joined by exactly one of {@code .}, {@code _}, {@code __}
 * or any number of {@code -}. A source may instead be {@code *} followed by one or more
 * {@code .label}.
 */
public final class CrdLocationPattern {

    private CrdLocationPattern() {
    }

    /** {@code spec.*.source}: a host with an optional path, or a wildcard domain. */
    public static boolean source(String s) {
        if (s.startsWith("*")) {
            return wildcard(s);
        }
        return location(s);
    }

    /** {@code spec.*.mirrors[*]}: a host with an optional path. */
    public static boolean mirror(String s) {
        return location(s);
    }

    private static boolean wildcard(String s) {
        int i = 1;
        if (i == s.length()) {
            return false;
        }
        while (i < s.length()) {
            if (s.charAt(i) != '.') {
                return false;
            }
            int end = label(s, i + 1);
            if (end < 0) {
                return false;
            }
            i = end;
        }
        return true;
    }

    private static boolean location(String s) {
        int i = label(s, 0);
        if (i < 0) {
            return false;
        }
        while (i < s.length() && s.charAt(i) == '.') {
            i = label(s, i + 1);
            if (i < 0) {
                return false;
            }
        }
        if (i < s.length() && s.charAt(i) == ':') {
            int digits = i + 1;
            i = digits;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        while (i < s.length()) {
            if (s.charAt(i) != '/') {
                return false;
            }
            i = component(s, i + 1);
            if (i < 0) {
                return false;
            }
        }
        return true;
    }

    /** The end of a host label starting at {@code from}, or -1; it stops before the next '.', ':' or '/'. */
    private static int label(String s, int from) {
        int i = from;
        while (i < s.length() && (alnum(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        if (i == from || !alnum(s.charAt(from)) || !alnum(s.charAt(i - 1))) {
            return -1;
        }
        return i;
    }

    /** The end of a path component starting at {@code from}, or -1; it stops before the next '/'. */
    private static int component(String s, int from) {
        int i = from;
        if (i >= s.length() || !lowerAlnum(s.charAt(i))) {
            return -1;
        }
        while (true) {
            while (i < s.length() && lowerAlnum(s.charAt(i))) {
                i++;
            }
            if (i == s.length() || s.charAt(i) == '/') {
                return i;
            }
            char c = s.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '_') {
                i++;
                if (i < s.length() && s.charAt(i) == '_') {
                    i++;
                }
            } else if (c == '-') {
                while (i < s.length() && s.charAt(i) == '-') {
                    i++;
                }
            } else {
                return -1;
            }
            if (i == s.length() || !lowerAlnum(s.charAt(i))) {
                return -1;
            }
        }
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean lowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
