package io.idmswebhook.core.rules;

import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.location.LocationParser;
import io.idmswebhook.core.location.LocationRole;
import io.idmswebhook.core.location.ParsedLocation;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSourcePolicy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Rules S1-S10: each location and policy value on its own. One rule family in one class: every
 * check reads the same parsed location, one method per part of it (port, Docker Hub path, host,
 * Docker Hub source), and each finding is built next to its rule id, so a rule is found by its id
 * here.
 */
public final class SyntaxRules {

    /** The image name limit: a longer name fails the whole pull. */
    static final int MAX_NAME = 255;
    /** A mirror over this leaves too little room for the rewritten repository name. */
    static final int MAX_MIRROR_COMFORT = 253;

    private SyntaxRules() {
    }

    /** Checks one entry and returns it with the locations that parsed, for the pairing rules. */
    public static ParsedEntry check(MirrorSet set, MirrorEntry entry, List<Finding> out) {
        String base = set.entryPath(entry.index());
        Location source = checkLocation(base + ".source", entry.source(), LocationRole.SOURCE, out);
        List<String> mirrors = entry.mirrors();
        List<Location> parsedMirrors = new ArrayList<>(mirrors.size());
        // most entries have one mirror: no set to find repeats in then
        Set<String> seen = mirrors.size() > 1 ? new HashSet<>() : null;
        for (int i = 0; i < mirrors.size(); i++) {
            String path = base + ".mirrors[" + i + "]";
            String mirror = mirrors.get(i);
            parsedMirrors.add(checkLocation(path, mirror, LocationRole.MIRROR, out));
            if (mirror != null && seen != null && !seen.add(mirror)) {
                checkDuplicate(set, path, mirror, out);
            }
        }
        if (entry.policy() != null && MirrorSourcePolicy.parse(entry.policy()).isEmpty()) {
            out.add(Finding.deny(RuleId.S5, base + ".mirrorSourcePolicy", entry.policy(),
                    "mirrorSourcePolicy " + Quote.of(entry.policy()) + " is not a known policy",
                    "use NeverContactSource or AllowContactingSource, or remove the field"));
        }
        return new ParsedEntry(set, entry, base, source, parsedMirrors);
    }

    private static void checkDuplicate(MirrorSet set, String path, String mirror, List<Finding> out) {
        if (set.kind().hasPolicyAndSchema()) {
            out.add(Finding.deny(RuleId.S6, path, mirror, "mirror " + Quote.of(mirror) + " is listed twice",
                    "remove the repeated mirror"));
        } else {
            out.add(Finding.warn(RuleId.S6, path, mirror, "mirror " + Quote.of(mirror)
                            + " is listed twice, which changes the merged mirror order",
                    "list each mirror once unless the repeat is intended"));
        }
    }

    /** Checks one location; returns the parsed location when the grammar accepts it. */
    static Location checkLocation(String path, String value, LocationRole role, List<Finding> out) {
        String noun = role.noun();
        if (value == null) {
            out.add(Finding.deny(RuleId.S1, path, "null", noun + " is missing",
                    "write a registry host, optionally with :port and /path"));
            return null;
        }
        if (value.length() > MAX_NAME) {
            out.add(Finding.deny(RuleId.S3, path, value, noun + " " + Quote.of(value) + " is " + value.length()
                            + " characters, over the image name limit of " + MAX_NAME,
                    "use a location of at most " + MAX_NAME + " characters"));
        } else if (role == LocationRole.MIRROR && value.length() > MAX_MIRROR_COMFORT) {
            out.add(Finding.warn(RuleId.S3, path, value, "mirror " + Quote.of(value) + " is " + value.length()
                            + " characters, so rewritten image names exceed " + MAX_NAME,
                    "use a shorter mirror location"));
        }
        ParsedLocation parsed = LocationParser.parse(value, role);
        if (!parsed.ok()) {
            out.add(Finding.deny(RuleId.S1, path, value,
                    noun + " " + Quote.of(value) + " " + parsed.problem().problem(), parsed.problem().fix()));
            return null;
        }
        Location loc = parsed.location();
        checkPort(path, loc, noun, out);
        if (!loc.wildcard()) {
            checkDockerHubPath(path, loc, noun, out);
        }
        checkHost(path, loc, noun, out);
        if (loc.wildcard() && loc.host().indexOf('.') < 0) {
            out.add(Finding.warn(RuleId.S8, path, value, "wildcard " + Quote.of(value)
                            + " covers the whole top-level domain ." + loc.host(),
                    "narrow it to the registries you mirror, e.g. *.example." + loc.host()));
        }
        if (role == LocationRole.MIRROR && isNodeLocal(loc.host())) {
            out.add(Finding.warn(RuleId.S9, path, value, "mirror " + Quote.of(value)
                            + " points at the node itself, so every node needs its own registry there",
                    "use a registry address that all nodes reach"));
        }
        if (role == LocationRole.SOURCE) {
            checkDockerHubSource(path, loc, out);
        }
        return loc;
    }

    private static void checkPort(String path, Location loc, String noun, List<Finding> out) {
        String port = loc.port();
        if (port == null) {
            return;
        }
        int digits = port.length();
        int first = 0;
        while (first < digits - 1 && port.charAt(first) == '0') {
            first++;
        }
        boolean outOfRange = digits - first > 5 || Integer.parseInt(port.substring(first)) == 0
                || Integer.parseInt(port.substring(first)) > 65535;
        if (outOfRange) {
            out.add(Finding.deny(RuleId.S2, path, loc.raw(), noun + " " + Quote.of(loc.raw()) + ": port " + port
                    + " is outside 1-65535", "use a port from 1 to 65535"));
        } else if (port.length() > 1 && port.charAt(0) == '0') {
            String plain = port.substring(first);
            out.add(Finding.warn(RuleId.S2, path, loc.raw(), noun + " " + Quote.of(loc.raw()) + ": port " + port
                            + " has a leading zero and never equals :" + plain + " (matching is by string)",
                    "write :" + plain));
        }
    }

    private static void checkDockerHubPath(String path, Location loc, String noun, List<Finding> out) {
        if (loc.port() != null || loc.host().indexOf('.') >= 0 || loc.host().equals("localhost")) {
            return;
        }
        String hint = loc.host().equalsIgnoreCase("localhost") ? "write localhost in lowercase"
                : "use the registry's full host name (with a domain) or add its port";
        out.add(Finding.deny(RuleId.S4, path, loc.raw(), noun + " " + Quote.of(loc.raw()) + " starts with "
                + Quote.of(loc.host()) + ", which has no \".\" or \":\", so container tools read it as a Docker Hub path"
                + (noun.equals("source") ? " and it never matches" : " and every pull through it fails"), hint));
    }

    private static void checkHost(String path, Location loc, String noun, List<Finding> out) {
        String host = loc.host();
        if (!host.equals(host.toLowerCase(Locale.ROOT))) {
            out.add(Finding.warn(RuleId.S7, path, loc.raw(), noun + " host " + Quote.of(host)
                            + " has uppercase letters; matching is byte-exact, so pulls of "
                            + host.toLowerCase(Locale.ROOT) + " never match it",
                    "write the host in lowercase"));
        }
        if (host.length() > 253) {
            out.add(Finding.warn(RuleId.S7, path, loc.raw(), noun + " host is " + host.length()
                    + " characters, over the DNS limit of 253", "use a resolvable host name"));
        }
        int labelStart = 0;
        boolean numeric = true;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                if (i - labelStart > 63) {
                    out.add(Finding.warn(RuleId.S7, path, loc.raw(), noun + " host has a label of "
                            + (i - labelStart) + " characters, over the DNS limit of 63", "use a resolvable host name"));
                    break;
                }
                labelStart = i + 1;
            } else if (!Character.isDigit(host.charAt(i))) {
                numeric = false;
            }
        }
        if (numeric && !loc.wildcard() && !isIpv4(host)) {
            out.add(Finding.warn(RuleId.S7, path, loc.raw(), noun + " host " + Quote.of(host)
                            + " is all digits but not a valid IPv4 address, so it never resolves",
                    "use a valid IPv4 address (each part 0-255, four parts) or a host name"));
        }
    }

    private static void checkDockerHubSource(String path, Location loc, List<Finding> out) {
        if (loc.wildcard()) {
            return;
        }
        if (loc.host().equals("index.docker.io")) {
            out.add(Finding.warn(RuleId.S10, path, loc.raw(), "source " + Quote.of(loc.raw())
                            + " never matches: pull specs are normalised to docker.io",
                    "write docker.io" + loc.raw().substring("index.docker.io".length())));
        } else if (loc.host().equals("docker.io") && loc.port() == null && loc.path().size() == 1
                && DockerOfficialImages.contains(loc.path().get(0))) {
            String name = loc.path().get(0);
            out.add(Finding.warn(RuleId.S10, path, loc.raw(), "source " + Quote.of(loc.raw())
                            + " does not match pulls of the official image " + name + ": they are normalised to"
                            + " docker.io/library/" + name + "; it matches only pulls from the organisation " + name + "/...",
                    "write docker.io/library/" + name + " to mirror the official image; keep docker.io/" + name
                            + " for the organisation's images"));
        }
    }

    static boolean isNodeLocal(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        return host.startsWith("127.") && isIpv4(host);
    }

    static boolean isIpv4(String host) {
        int parts = 0;
        int start = 0;
        for (int i = 0; i <= host.length(); i++) {
            if (i == host.length() || host.charAt(i) == '.') {
                int len = i - start;
                if (len == 0 || len > 3) {
                    return false;
                }
                int value = 0;
                for (int j = start; j < i; j++) {
                    char c = host.charAt(j);
                    if (c < '0' || c > '9') {
                        return false;
                    }
                    value = value * 10 + (c - '0');
                }
                if (value > 255) {
                    return false;
                }
                parts++;
                start = i + 1;
            }
        }
        return parts == 4;
    }
}
