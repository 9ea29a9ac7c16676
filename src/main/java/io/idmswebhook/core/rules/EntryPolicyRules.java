package io.idmswebhook.core.rules;

import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.List;
import java.util.Set;

/** Rules P1, P2, P3, P10 and P11: what one entry says about its own source and mirrors. */
public final class EntryPolicyRules {

    private EntryPolicyRules() {
    }

    /** P11 for an object with nothing in it. */
    public static void checkObject(MirrorSet set, List<Finding> out) {
        if (set.entries().isEmpty()) {
            out.add(Finding.warn(RuleId.P11, "spec." + set.kind().listField(), "",
                    set.ref() + " has no entries and changes nothing on the nodes",
                    "add entries or delete the object"));
        }
    }

    public static void check(ParsedEntry parsed, List<Finding> out) {
        MirrorEntry e = parsed.entry();
        String base = parsed.path();
        boolean real = e.hasRealMirror();
        if (e.policy() != null && !real) {
            out.add(Finding.deny(RuleId.P1, base + ".mirrorSourcePolicy", e.source() + " " + e.policy(),
                    "mirrorSourcePolicy " + Quote.of(e.policy()) + " is set but " + Quote.of(e.source())
                            + " has no mirror other than itself; the Machine Config Operator ignores the policy"
                            + (e.neverContactSource() ? ", so the source is not blocked" : ""),
                    "add a mirror or remove mirrorSourcePolicy"));
        }
        if (e.neverContactSource() && e.source() != null && e.mirrors().contains(e.source())) {
            out.add(Finding.deny(RuleId.P2, base + ".mirrors[" + e.mirrors().indexOf(e.source()) + "]",
                    e.source(), "NeverContactSource is set while the source " + Quote.of(e.source())
                            + " is listed as its own mirror; the Machine Config Operator then stops rendering"
                            + " registries.conf for the whole cluster",
                    "remove the source from mirrors or use AllowContactingSource"));
        }
        if (e.policy() == null && !real) {
            out.add(Finding.warn(RuleId.P11, base, e.source(), "entry for " + Quote.of(e.source())
                            + " has no mirror other than its source and no policy, so it changes nothing",
                    "add mirrors or remove the entry"));
        }
        Location source = parsed.source();
        if (source == null || source.wildcard()) {
            return;
        }
        List<Location> mirrors = parsed.mirrors();
        for (int i = 0; i < mirrors.size(); i++) {
            Location m = mirrors.get(i);
            if (m == null || m.raw().equals(source.raw())) {
                continue;
            }
            if (source.hasPath() && !m.hasPath()) {
                checkHostOnlyMirror(parsed, i, source, m, out);
            } else if (source.isBareHost() && m.hasPath()) {
                out.add(Finding.warn(RuleId.P10, parsed.mirrorPath(i), source.raw() + " -> " + m.raw(),
                        "source " + Quote.of(source.raw()) + " is a bare host, so pulls from " + source.raw()
                                + ":<port>/... also match it and rewrite to invalid names under " + Quote.of(m.raw()),
                        "scope the source to a repository path, or mirror the host to a host"));
            }
        }
    }

    /** Repositories that installs and upgrades pull by digest exactly as written. */
    private static final Set<String> RELEASE_PAYLOAD_REPOSITORIES = Set.of("ocp-release", "ocp-v4.0-art-dev");

    /**
     * P3: a source with a path cannot say whether it is a namespace or a repository. Pulls under it
     * rewrite fine; a pull of exactly the source rewrites to {@code mirror@digest}, no valid
     * reference, and fails before any endpoint is tried. Only for the release payload is that pull
     * certain, so only there is it a denial.
     */
    private static void checkHostOnlyMirror(ParsedEntry parsed, int i, Location source, Location m,
                                            List<Finding> out) {
        String fix = "give the mirror the repository path, e.g. " + m.raw() + "/" + String.join("/", source.path());
        String rewrite = source.raw() + "@sha256:... rewrites to " + m.raw() + "@sha256:..., which is no valid"
                + " image reference, so the pull fails before any endpoint is tried";
        String last = source.path().get(source.path().size() - 1);
        if (RELEASE_PAYLOAD_REPOSITORIES.contains(last)) {
            out.add(Finding.deny(RuleId.P3, parsed.mirrorPath(i), source.raw() + " -> " + m.raw(),
                    "mirror " + Quote.of(m.raw()) + " is host-only while the source " + Quote.of(source.raw())
                            + " is a release payload repository, which installs and upgrades pull by digest exactly,"
                            + " so those pulls fail: " + rewrite, fix));
        } else {
            out.add(Finding.warn(RuleId.P3, parsed.mirrorPath(i), source.raw() + " -> " + m.raw(),
                    "mirror " + Quote.of(m.raw()) + " is host-only while the source " + Quote.of(source.raw())
                            + " has a path: pulls of repositories under it rewrite fine, but pulls of exactly "
                            + source.raw() + " fail (" + rewrite + ")",
                    fix + ", if " + source.raw() + " itself is a repository that is pulled"));
        }
    }
}
