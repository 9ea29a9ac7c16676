package io.idmswebhook.core.nodes;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An image reference in the grammar of containers/image ({@code docker/reference}): a name with an
 * explicit registry host, then {@code :tag}, {@code @digest} or both.
 *
 * @param name   {@code host[:port]/path}, at most 255 characters
 * @param tag    the tag, or null
 * @param digest {@code algorithm:hex}, or null
 */
public record ImageReference(String name, String tag, String digest) {

    public static final int NAME_TOTAL_LENGTH_MAX = 255;

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
    private static final Pattern NAME = Pattern.compile(
            "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile(
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
    private static final Pattern ANCHORED_ID = Pattern.compile("[a-f0-9]{64}");

    public boolean digested() {
        return digest != null;
    }

    /** {@code name[:tag][@digest]}: the string mirrors rewrite. */
    @Override
    public String toString() {
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    /** The registry host (and port) of the name. */
    public String domain() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /**
     * A reference exactly as written, which must already be in canonical form with a host: what
     * containers/image demands of a mirror's rewritten reference. Empty with {@code why} filled
     * when it is not a valid reference.
     */
    public static Optional<ImageReference> parseCanonical(String s, StringBuilder why) {
        Optional<ImageReference> parsed = parse(s, why);
        if (parsed.isEmpty()) {
            return parsed;
        }
        ImageReference r = parsed.get();
        int slash = r.name.indexOf('/');
        String first = slash < 0 ? "" : r.name.substring(0, slash);
        if (slash < 0 || !looksLikeDomain(first) || first.equals("index.docker.io")
                || (first.equals("docker.io") && r.name.indexOf('/', slash + 1) < 0)) {
            why.append("repository name must be canonical");
            return Optional.empty();
        }
        return parsed;
    }

    /**
     * What a user types, normalised the way the nodes normalise a pull: no host means
     * {@code docker.io} (and {@code library/} for a single component), {@code index.docker.io}
     * means {@code docker.io}, and neither tag nor digest means {@code :latest}.
     */
    public static Optional<ImageReference> parseNormalized(String s, StringBuilder why) {
        if (ANCHORED_ID.matcher(s).matches()) {
            why.append("cannot specify 64-byte hexadecimal strings");
            return Optional.empty();
        }
        String domain;
        String remainder;
        int slash = s.indexOf('/');
        if (slash < 0 || !looksLikeDomain(s.substring(0, slash))) {
            domain = "docker.io";
            remainder = s;
        } else {
            domain = s.substring(0, slash);
            remainder = s.substring(slash + 1);
        }
        if (domain.equals("index.docker.io")) {
            domain = "docker.io";
        }
        if (domain.equals("docker.io") && !remainder.contains("/")) {
            remainder = "library/" + remainder;
        }
        String repoPart = remainder;
        int at = repoPart.indexOf('@');
        if (at >= 0) {
            repoPart = repoPart.substring(0, at);
        }
        int colon = repoPart.lastIndexOf(':');
        if (colon >= 0) {
            repoPart = repoPart.substring(0, colon);
        }
        if (!repoPart.equals(repoPart.toLowerCase(java.util.Locale.ROOT))) {
            why.append("repository name must be lowercase");
            return Optional.empty();
        }
        Optional<ImageReference> parsed = parse(domain + "/" + remainder, why);
        if (parsed.isEmpty()) {
            return parsed;
        }
        ImageReference r = parsed.get();
        return Optional.of(r.tag == null && r.digest == null ? new ImageReference(r.name, "latest", null) : r);
    }

    private static boolean looksLikeDomain(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                || !first.equals(first.toLowerCase(java.util.Locale.ROOT));
    }

    private static Optional<ImageReference> parse(String s, StringBuilder why) {
        String rest = s;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
            if (!DIGEST.matcher(digest).matches()) {
                why.append("invalid reference format");
                return Optional.empty();
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon >= 0 && rest.indexOf('/', colon) < 0) {
            String candidate = rest.substring(colon + 1);
            if (TAG.matcher(candidate).matches()) {
                tag = candidate;
                rest = rest.substring(0, colon);
            }
        }
        if (!NAME.matcher(rest).matches()) {
            why.append(rest.isEmpty() ? "repository name must have at least one component" : "invalid reference format");
            return Optional.empty();
        }
        if (rest.length() > NAME_TOTAL_LENGTH_MAX) {
            why.append("repository name must not be more than " + NAME_TOTAL_LENGTH_MAX + " characters");
            return Optional.empty();
        }
        return Optional.of(new ImageReference(rest, tag, digest));
    }
}
