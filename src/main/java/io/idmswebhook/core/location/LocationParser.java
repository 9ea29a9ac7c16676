package io.idmswebhook.core.location;

import io.idmswebhook.core.location.LocationProblem.Kind;

/**
 * Parses a location with the grammar of the IDMS/ITMS CRD patterns, accepting exactly what
 * those patterns accept under Go's RE2 semantics, in one left-to-right pass.
 *
 * <p>Hand-written on purpose: the CRD pattern run through a backtracking engine
 * ({@code java.util.regex}) takes about a minute on {@code "quay.io/" + "a".repeat(28) + "!"},
 * and this runs on every admission request. Each character is looked at a bounded number of
 * times, so the work is linear in the input length.
 *
 * <p>On failure it says which part is wrong, checked from the most telling mistake to the least
 * (a scheme before the host characters it would also break), so the message names the cause.
 *
 * <p>One grammar in one class: the order in which its parts are checked decides which message a
 * location gets, and that order is only visible when the parts are read together. The validity
 * check runs the same checks without writing the messages, so it cannot disagree with the parse.
 */
public final class LocationParser {

    /** Stands for every problem when only the verdict is asked for; never leaves this class. */
    private static final LocationProblem REJECTED = new LocationProblem(null, null, null);

    private LocationParser() {
    }

    /** Parses {@code raw} for the given role; never throws. */
    public static ParsedLocation parse(String raw, LocationRole role) {
        LocationProblem problem = check(raw, role, true);
        return problem == null ? new ParsedLocation(layOut(raw), null) : new ParsedLocation(null, problem);
    }

    /**
     * Exactly {@code parse(raw, role).ok()}, but builds neither a location nor a message: for
     * callers that need only the verdict, on strings whose parts or problem they never read.
     */
    public static boolean isValid(String raw, LocationRole role) {
        return check(raw, role, false) == null;
    }

    /**
     * The first problem of {@code raw} in the grammar's order, or null when it is a location.
     * Without {@code explain} every problem is {@link #REJECTED}, so refusing a string builds no
     * message either.
     */
    private static LocationProblem check(String raw, LocationRole role, boolean explain) {
        if (raw == null || raw.isEmpty()) {
            return !explain ? REJECTED : new LocationProblem(Kind.EMPTY, "is empty",
                    "write a registry host, optionally with :port and /path");
        }
        LocationProblem chars = checkCharacters(raw, explain);
        if (chars != null) {
            return chars;
        }
        int scheme = raw.indexOf("://");
        if (scheme >= 0) {
            if (!explain) {
                return REJECTED;
            }
            String given = raw.substring(0, scheme + 3);
            if (given.equalsIgnoreCase("http://")) {
                return new LocationProblem(Kind.SCHEME,
                        "has the scheme " + quoted(given) + "; a location has no scheme",
                        "remove " + quoted(given) + " and, if the registry serves plain HTTP, list it under "
                                + "spec.registrySources.insecureRegistries of the cluster image config "
                                + "(images.config.openshift.io/cluster)");
            }
            return new LocationProblem(Kind.SCHEME, "has the scheme " + quoted(given) + "; a location has no scheme",
                    "remove " + quoted(given));
        }
        if (raw.indexOf('@') >= 0) {
            return !explain ? REJECTED : new LocationProblem(Kind.DIGEST,
                    "has a digest (" + quoted(raw.substring(raw.indexOf('@'))) + ")",
                    "remove the @digest part: a location names a registry or repository, not an image");
        }
        if (raw.indexOf('[') >= 0 || raw.indexOf(']') >= 0) {
            return !explain ? REJECTED : new LocationProblem(Kind.IPV6,
                    "has an IPv6 literal in brackets, which the CRD grammar does not accept",
                    "use a DNS name or an IPv4 address for the registry");
        }
        if (raw.charAt(0) == '*') {
            return checkWildcard(raw, role, explain);
        }
        int star = raw.indexOf('*');
        if (star >= 0) {
            return !explain ? REJECTED : new LocationProblem(Kind.BAD_WILDCARD, "has \"*\" at position " + star
                            + "; a wildcard is only allowed as a leading \"*.\" of a source",
                    role == LocationRole.SOURCE
                            ? "write the wildcard as *.domain, or name the host exactly"
                            : "name the mirror host exactly; mirrors cannot be wildcards");
        }
        return checkPlain(raw, explain);
    }

    /** Where the parts of a string that {@link #check} accepted end. */
    private static Location layOut(String raw) {
        if (raw.charAt(0) == '*') {
            return new Location(raw, true, raw.length(), raw.length());
        }
        int slash = raw.indexOf('/');
        int registryEnd = slash < 0 ? raw.length() : slash;
        int colon = indexOf(raw, ':', 0, registryEnd);
        return new Location(raw, false, colon < 0 ? registryEnd : colon, registryEnd);
    }

    private static LocationProblem checkCharacters(String raw, boolean explain) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isWhitespace(c) || c < 0x20 || c >= 0x7F) {
                return !explain ? REJECTED : badCharacter(raw, i);
            }
        }
        return null;
    }

    /** Names the character at {@code i}, which is whitespace, a control character or not ASCII. */
    private static LocationProblem badCharacter(String raw, int i) {
        char c = raw.charAt(i);
        if (isWhitespace(c)) {
            String where = i == 0 ? "leading" : i == raw.length() - 1 ? "trailing" : "inner";
            return new LocationProblem(Kind.WHITESPACE,
                    "has " + where + " whitespace (" + describeChar(c) + " at position " + i + ")",
                    "remove the whitespace");
        }
        if (c < 0x20 || c == 0x7F) {
            return new LocationProblem(Kind.CONTROL_CHARACTER,
                    "has a control character (" + describeChar(c) + " at position " + i + ")",
                    "remove it");
        }
        return new LocationProblem(Kind.NON_ASCII,
                "has a non-ASCII character (" + String.format("U+%04X", raw.codePointAt(i)) + " at position " + i + ")",
                "use ASCII only; write an internationalised host in its xn-- (punycode) form");
    }

    /** What the grammar calls whitespace; defaulting (D1) trims exactly these. */
    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static String describeChar(char c) {
        return switch (c) {
            case ' ' -> "space";
            case '\t' -> "tab";
            case '\n' -> "newline";
            case '\r' -> "carriage return";
            default -> String.format("U+%04X", (int) c);
        };
    }

    private static LocationProblem checkWildcard(String raw, LocationRole role, boolean explain) {
        if (role == LocationRole.MIRROR) {
            return !explain ? REJECTED : new LocationProblem(Kind.WILDCARD_IN_MIRROR,
                    "is a wildcard; mirrors cannot be wildcards",
                    "name the mirror registry exactly (host[:port][/path])");
        }
        if (raw.length() < 2 || raw.charAt(1) != '.') {
            return !explain ? REJECTED : new LocationProblem(Kind.BAD_WILDCARD,
                    "starts with \"*\" not followed by \".\"",
                    "write a wildcard source as *.domain, e.g. *.example.com");
        }
        if (raw.indexOf('*', 2) >= 0) {
            return !explain ? REJECTED : new LocationProblem(Kind.BAD_WILDCARD,
                    "has more than one \"*\"; a wildcard source is one leading \"*.\"",
                    "write the wildcard as *.domain, e.g. *.example.com");
        }
        int slash = raw.indexOf('/', 2);
        int colon = raw.indexOf(':', 2);
        if (slash >= 0 || colon >= 0) {
            return !explain ? REJECTED : new LocationProblem(Kind.WILDCARD_WITH_PORT_OR_PATH,
                    "is a wildcard with a " + (colon >= 0 && (slash < 0 || colon < slash) ? "port" : "path")
                            + "; a wildcard source covers hosts only",
                    "drop the port and path (*.domain), or name the host exactly to scope a repository");
        }
        return checkHost(raw, 2, raw.length(), true, explain);
    }

    private static LocationProblem checkPlain(String raw, boolean explain) {
        int slash = raw.indexOf('/');
        int registryEnd = slash < 0 ? raw.length() : slash;
        int colon = indexOf(raw, ':', 0, registryEnd);
        int hostEnd = colon < 0 ? registryEnd : colon;
        if (colon >= 0) {
            LocationProblem p = checkPort(raw, colon + 1, registryEnd, slash < 0, explain);
            if (p != null) {
                return p;
            }
        }
        LocationProblem h = checkHost(raw, 0, hostEnd, false, explain);
        if (h != null || slash < 0) {
            return h;
        }
        int start = slash + 1;
        while (true) {
            int next = raw.indexOf('/', start);
            int end = next < 0 ? raw.length() : next;
            LocationProblem c = checkComponent(raw, start, end, next < 0, explain);
            if (c != null || next < 0) {
                return c;
            }
            start = next + 1;
        }
    }

    /** The first {@code c} in {@code s[from, to)}, or -1. */
    private static int indexOf(String s, char c, int from, int to) {
        int i = s.indexOf(c, from);
        return i < to ? i : -1;
    }

    /** The port {@code raw[from, to)}; {@code last} when nothing follows it, so it may be a tag. */
    private static LocationProblem checkPort(String raw, int from, int to, boolean last, boolean explain) {
        if (from == to) {
            return !explain ? REJECTED : new LocationProblem(Kind.BAD_PORT, "has \":\" with no port after it",
                    "remove the \":\" or add the port number");
        }
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                if (!explain) {
                    return REJECTED;
                }
                String port = raw.substring(from, to);
                if (last && port.indexOf(':') < 0) {
                    return new LocationProblem(Kind.TAG,
                            "has " + quoted(":" + port) + ", a tag or a port that is not a number",
                            "remove the tag: a location names a registry or repository, not an image; "
                                    + "a port is digits only");
                }
                return new LocationProblem(Kind.BAD_PORT, "has the port " + quoted(port) + ", which is not a number",
                        "write the port as digits only");
            }
        }
        return null;
    }

    /** Host {@code raw[from, to)}: DNS-style labels of ASCII letters, digits and inner hyphens, joined by dots. */
    private static LocationProblem checkHost(String raw, int from, int to, boolean wildcardDomain,
            boolean explain) {
        if (from == to) {
            return !explain ? REJECTED : new LocationProblem(Kind.BAD_HOST, "has an empty host",
                    "start the location with the registry host name");
        }
        int labelStart = from;
        for (int i = from; i <= to; i++) {
            if (i == to || raw.charAt(i) == '.') {
                if (i == labelStart) {
                    return !explain ? REJECTED : new LocationProblem(Kind.BAD_HOST,
                            hostNamed(raw, from, to, wildcardDomain)
                                    + " has an empty label (\"..\" or a leading or trailing \".\")",
                            "remove the extra \".\"");
                }
                if (raw.charAt(labelStart) == '-' || raw.charAt(i - 1) == '-') {
                    return !explain ? REJECTED : new LocationProblem(Kind.BAD_HOST,
                            hostNamed(raw, from, to, wildcardDomain)
                                    + " has a label that starts or ends with \"-\"",
                            "host labels start and end with a letter or digit");
                }
                labelStart = i + 1;
                continue;
            }
            char c = raw.charAt(i);
            if (!(isAlnum(c) || c == '-')) {
                return !explain ? REJECTED : new LocationProblem(Kind.BAD_HOST,
                        hostNamed(raw, from, to, wildcardDomain)
                                + " has " + quoted(String.valueOf(c)) + ", which host names do not allow",
                        "use only letters, digits, inner \"-\" and \".\" in the host");
            }
        }
        return null;
    }

    private static String hostNamed(String raw, int from, int to, boolean wildcardDomain) {
        return (wildcardDomain ? "the wildcard domain " : "the host ") + quoted(raw.substring(from, to));
    }

    /**
     * The path component {@code raw[from, to)}: lowercase alphanumeric runs separated by exactly one
     * of {@code .}, {@code _}, {@code __} or one or more {@code -}. {@code last} when no {@code /}
     * follows it.
     */
    private static LocationProblem checkComponent(String raw, int from, int to, boolean last, boolean explain) {
        if (from == to) {
            if (!explain) {
                return REJECTED;
            }
            if (last) {
                return new LocationProblem(Kind.EMPTY_COMPONENT, "ends with \"/\"", "remove the trailing \"/\"");
            }
            return new LocationProblem(Kind.EMPTY_COMPONENT, "has an empty path component (\"//\")",
                    "remove the extra \"/\"");
        }
        int colon = indexOf(raw, ':', from, to);
        if (colon >= 0) {
            return !explain ? REJECTED : new LocationProblem(Kind.TAG,
                    "has a tag (" + quoted(raw.substring(colon, to)) + ") in the path",
                    "remove the tag: a location names a registry or repository, not an image");
        }
        for (int i = from; i < to; i++) {
            char ch = raw.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (!explain) {
                    return REJECTED;
                }
                String c = raw.substring(from, to);
                return new LocationProblem(Kind.UPPERCASE_PATH,
                        "has uppercase letters in the path component " + quoted(c),
                        "repository paths are lowercase; write " + quoted(c.toLowerCase(java.util.Locale.ROOT)));
            }
            if (!(isLowerAlnum(ch) || ch == '.' || ch == '_' || ch == '-')) {
                return !explain ? REJECTED : new LocationProblem(Kind.BAD_PATH_CHARACTER,
                        "has " + quoted(String.valueOf(ch))
                                + " in the path component " + quoted(raw.substring(from, to)),
                        "use lowercase letters, digits and the separators . _ __ -");
            }
        }
        if (!isLowerAlnum(raw.charAt(from)) || !isLowerAlnum(raw.charAt(to - 1))) {
            return !explain ? REJECTED : new LocationProblem(Kind.BAD_SEPARATOR,
                    "has the path component " + quoted(raw.substring(from, to))
                            + ", which starts or ends with a separator",
                    "start and end each path component with a lowercase letter or digit");
        }
        int i = from;
        while (i < to) {
            if (isLowerAlnum(raw.charAt(i))) {
                i++;
                continue;
            }
            int sepStart = i;
            while (i < to && !isLowerAlnum(raw.charAt(i))) {
                i++;
            }
            if (!validSeparator(raw, sepStart, i)) {
                return !explain ? REJECTED : new LocationProblem(Kind.BAD_SEPARATOR,
                        "has the separator " + quoted(raw.substring(sepStart, i))
                                + " in the path component " + quoted(raw.substring(from, to)),
                        "separate words with one of . _ __ or hyphens");
            }
        }
        return null;
    }

    /** {@code s[from, to)} is one of {@code .}, {@code _}, {@code __} or one or more {@code -}. */
    private static boolean validSeparator(String s, int from, int to) {
        int n = to - from;
        char first = s.charAt(from);
        if (n == 1) {
            return first == '.' || first == '_' || first == '-';
        }
        if (n == 2 && first == '_' && s.charAt(from + 1) == '_') {
            return true;
        }
        for (int k = from; k < to; k++) {
            if (s.charAt(k) != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLowerAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * A part of the value in double quotes, with {@code "} and {@code \} escaped so that it reads
     * back: the characters check has already refused everything else that would need escaping.
     */
    private static String quoted(String part) {
        StringBuilder sb = new StringBuilder(part.length() + 2).append('"');
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
