package io.idmswebhook.core.rules;

import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import java.util.List;

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
                out.add(Finding.deny(RuleId.P3, parsed.mirrorPath(i), source.raw() + " -> " + m.raw(),
                        "mirror " + Quote.of(m.raw()) + " is host-only while the source " + Quote.of(source.raw())
                                + " names a repository path; pulls rewrite to an invalid name and fail",
                        "give the mirror the repository path, e.g. " + m.raw() + "/" + String.join("/", source.path())));
            } else if (source.isBareHost() && m.hasPath()) {
                out.add(Finding.warn(RuleId.P10, parsed.mirrorPath(i), source.raw() + " -> " + m.raw(),
                        "source " + Quote.of(source.raw()) + " is a bare host, so pulls from " + source.raw()
                                + ":<port>/... also match it and rewrite to invalid names under " + Quote.of(m.raw()),
                        "scope the source to a repository path, or mirror the host to a host"));
            }
        }
    }

}
