package io.idmswebhook.core.rules;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.IndexedEntry;
import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.model.MirrorSourcePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rules P4-P9 and P12: an entry read together with every other entry the nodes will see (the
 * other objects in the cluster and the other entries of the same object), through a view in
 * which the object under review replaces its cluster copy.
 */
public final class CrossPolicyRules {

    /** How many other sources or objects a message names before it says "and N more". */
    private static final int NAMED = 2;

    private CrossPolicyRules() {
    }

    public static void check(MirrorSet set, List<ParsedEntry> entries, ClusterView view, List<Finding> out) {
        checkPolicyConflicts(set, entries, view, out);
        ImageConfig config = view.imageConfig();
        for (ParsedEntry pe : entries) {
            Location source = pe.source();
            if (source == null || !pe.entry().hasRealMirror()) {
                continue;
            }
            checkBlockedMirrors(pe, view, config, out);
            if (source.wildcard()) {
                checkWildcardNesting(pe, view, config, out);
            }
            checkNeverContactScope(pe, view, out);
            if (set.kind() == MirrorSetKind.IDMS && pe.entry().neverContactSource()) {
                checkTagPullsBlocked(pe, view, out);
            }
            checkGroupShadowing(pe, view, out);
            checkAllowedRegistries(pe, config, out);
        }
    }

    /** P4: one exact source, different effective policies anywhere (unset counts as allow). */
    private static void checkPolicyConflicts(MirrorSet set, List<ParsedEntry> entries, ClusterView view,
                                             List<Finding> out) {
        Map<String, ParsedEntry> firstBySource = new LinkedHashMap<>();
        for (ParsedEntry pe : entries) {
            if (pe.source() != null && counts(pe.entry())) {
                firstBySource.putIfAbsent(pe.entry().source(), pe);
            }
        }
        for (Map.Entry<String, ParsedEntry> e : firstBySource.entrySet()) {
            String source = e.getKey();
            ParsedEntry mine = e.getValue();
            MirrorSourcePolicy here = mine.entry().effectivePolicy();
            TreeSet<String> elsewhere = new TreeSet<>();
            TreeSet<String> otherObjects = new TreeSet<>();
            TreeSet<String> policies = new TreeSet<>();
            for (IndexedEntry other : view.withSource(source)) {
                if (!counts(other.entry())) {
                    continue;
                }
                MirrorSourcePolicy p = other.entry().effectivePolicy();
                policies.add(p.value());
                if (p == here) {
                    continue;
                }
                if (other.belongsTo(set.kind(), set.name())) {
                    elsewhere.add("entry [" + other.entry().index() + "] of this object (" + p.value() + ")");
                } else {
                    elsewhere.add(other.ref() + " (" + p.value() + ")");
                    otherObjects.add(other.ref());
                }
            }
            if (elsewhere.isEmpty()) {
                continue;
            }
            out.add(Finding.deny(RuleId.P4, mine.path() + ".mirrorSourcePolicy",
                    source + " " + policies + " " + otherObjects,
                    "source " + Quote.of(source) + " has mirrorSourcePolicy " + here.value() + " here but "
                            + names(new ArrayList<>(elsewhere))
                            + "; the Machine Config Operator then stops rendering registries.conf for the whole cluster",
                    "use one mirrorSourcePolicy for " + source + " in every entry (unset counts as AllowContactingSource)"));
        }
    }

    /** Entries the nodes act on: the MCO skips entries with neither a real mirror nor a policy. */
    private static boolean counts(MirrorEntry e) {
        return e.hasRealMirror() || e.policy() != null;
    }

    /** P5: a mirror that the nodes' longest-prefix match puts in a blocked scope. */
    private static void checkBlockedMirrors(ParsedEntry pe, ClusterView view, ImageConfig config, List<Finding> out) {
        List<Location> mirrors = pe.mirrors();
        for (int i = 0; i < mirrors.size(); i++) {
            Location m = mirrors.get(i);
            if (m == null || m.raw().equals(pe.entry().source())) {
                continue;
            }
            String ref = m.raw();
            int best = -1;
            String blockedBy = null;
            for (IndexedEntry other : view.covering(ref)) {
                if (!other.entry().hasRealMirror()) {
                    continue;
                }
                int len = Scopes.matchLength(other.entry().source(), ref);
                boolean never = other.entry().neverContactSource();
                if (len > best || (len == best && never && blockedBy == null)) {
                    best = len;
                    blockedBy = never ? "source " + Quote.of(other.entry().source()) + " of " + other.ref()
                            + ", which has NeverContactSource" : null;
                }
            }
            for (String scope : config.blockedRegistries()) {
                int len = Scopes.matchLength(scope, ref);
                if (len >= 0 && len >= best) {
                    best = len;
                    blockedBy = "blocked registry " + Quote.of(scope)
                            + " of the cluster image config (spec.registrySources.blockedRegistries)";
                }
            }
            for (String scope : config.insecureRegistries()) {
                int len = Scopes.matchLength(scope, ref);
                if (len > best) {
                    best = len;
                    blockedBy = null;
                }
            }
            if (blockedBy != null) {
                out.add(Finding.deny(RuleId.P5, pe.mirrorPath(i), ref + " in " + blockedBy,
                        "mirror " + Quote.of(ref) + " falls under " + blockedBy + ", so every pull through it fails",
                        "use a mirror outside that scope, or unblock it"));
            }
        }
    }

    /** P6: a mirrored wildcard with a more specific, non-mirrored registries.conf scope inside. */
    private static void checkWildcardNesting(ParsedEntry pe, ClusterView view, ImageConfig config,
                                             List<Finding> out) {
        String wildcard = pe.entry().source();
        List<String> scopes = new ArrayList<>(config.insecureRegistries());
        scopes.addAll(config.blockedRegistries());
        TreeSet<String> nested = new TreeSet<>();
        for (String scope : scopes) {
            if (!Scopes.strictlyInside(scope, wildcard)) {
                continue;
            }
            boolean mirrored = false;
            for (IndexedEntry other : view.withSource(scope)) {
                mirrored |= other.entry().hasRealMirror();
            }
            if (!mirrored) {
                nested.add(scope);
            }
        }
        if (!nested.isEmpty()) {
            out.add(Finding.deny(RuleId.P6, pe.path() + ".source", wildcard + " " + nested,
                    "wildcard source " + Quote.of(wildcard) + " has mirrors while " + names(new ArrayList<>(nested))
                            + " of the cluster image config's insecure or blocked registries nests inside it without"
                            + " mirrors; the Machine Config Operator fails on this combination",
                    "add an entry with mirrors for the nested registry, or narrow the wildcard"));
        }
    }

    /** P7: NeverContactSource stops at more specific sources that have their own entries. */
    private static void checkNeverContactScope(ParsedEntry pe, ClusterView view, List<Finding> out) {
        MirrorEntry e = pe.entry();
        String source = e.source();
        if (e.neverContactSource()) {
            TreeSet<String> contacted = new TreeSet<>();
            for (IndexedEntry inner : view.inside(source)) {
                if (inner.entry().hasRealMirror() && !inner.entry().neverContactSource()) {
                    contacted.add(Quote.of(inner.entry().source()) + " (" + inner.ref() + ")");
                }
            }
            if (!contacted.isEmpty()) {
                out.add(Finding.warn(RuleId.P7, pe.path() + ".mirrorSourcePolicy", source + " " + contacted,
                        "NeverContactSource on " + Quote.of(source) + " does not carry over to "
                                + names(new ArrayList<>(contacted)) + ", which keep contacting their source",
                        "set NeverContactSource on those entries too if they must not be contacted"));
            }
            return;
        }
        TreeSet<String> broader = new TreeSet<>();
        for (IndexedEntry outer : view.covering(source)) {
            if (!outer.entry().source().equals(source) && outer.entry().hasRealMirror()
                    && outer.entry().neverContactSource()) {
                broader.add(Quote.of(outer.entry().source()) + " (" + outer.ref() + ")");
            }
        }
        if (!broader.isEmpty()) {
            out.add(Finding.warn(RuleId.P7, pe.path() + ".source", source + " " + broader,
                    "source " + Quote.of(source) + " is still contacted: NeverContactSource on the broader "
                            + names(new ArrayList<>(broader)) + " does not carry over to this entry",
                    "set NeverContactSource here too if the source must not be contacted"));
        }
    }

    /** P8: an IDMS that blocks its source blocks tag pulls from it too, unless an ITMS mirrors them. */
    private static void checkTagPullsBlocked(ParsedEntry pe, ClusterView view, List<Finding> out) {
        String source = pe.entry().source();
        for (IndexedEntry other : view.withSource(source)) {
            if (other.kind() == MirrorSetKind.ITMS && other.entry().hasRealMirror()) {
                return;
            }
        }
        out.add(Finding.warn(RuleId.P8, pe.path() + ".mirrorSourcePolicy", source,
                "NeverContactSource on " + Quote.of(source) + " also blocks pulls by tag from it,"
                        + " and digest mirrors are not used for tags",
                "add an ImageTagMirrorSet entry for " + source + " if tag pulls must work"));
    }

    /** P9: the longest prefix wins across groups, so a more specific entry of the other group shadows. */
    private static void checkGroupShadowing(ParsedEntry pe, ClusterView view, List<Finding> out) {
        MirrorGroup group = pe.set().kind().mirrorGroup();
        String source = pe.entry().source();
        TreeSet<String> shadowing = new TreeSet<>();
        for (IndexedEntry inner : view.inside(source)) {
            if (inner.kind().mirrorGroup() != group && inner.entry().hasRealMirror()
                    && !hasGroupEntry(view, inner.entry().source(), group)) {
                shadowing.add(Quote.of(inner.entry().source()) + " (" + inner.ref() + ")");
            }
        }
        if (!shadowing.isEmpty()) {
            out.add(Finding.warn(RuleId.P9, pe.path() + ".source", source + " inner " + shadowing,
                    "for " + noun(group) + " pulls under " + names(new ArrayList<>(shadowing))
                            + " the more specific entry wins, so the mirrors of this entry are not used there",
                    "add a " + kindFor(group) + " entry for those sources too"));
        }
        TreeSet<String> shadowed = new TreeSet<>();
        MirrorGroup otherGroup = group == MirrorGroup.DIGEST ? MirrorGroup.TAG : MirrorGroup.DIGEST;
        if (hasGroupEntry(view, source, otherGroup)) {
            return;
        }
        for (IndexedEntry outer : view.covering(source)) {
            if (outer.kind().mirrorGroup() != group && outer.entry().hasRealMirror()
                    && !outer.entry().source().equals(source)) {
                shadowed.add(Quote.of(outer.entry().source()) + " (" + outer.ref() + ")");
            }
        }
        if (!shadowed.isEmpty()) {
            out.add(Finding.warn(RuleId.P9, pe.path() + ".source", source + " outer " + shadowed,
                    "for " + noun(otherGroup) + " pulls under " + Quote.of(source) + " this entry wins over "
                            + names(new ArrayList<>(shadowed)) + ", whose mirrors are then not used there",
                    "add a " + kindFor(otherGroup) + " entry for " + source + " too"));
        }
    }

    private static boolean hasGroupEntry(ClusterView view, String source, MirrorGroup group) {
        for (IndexedEntry e : view.withSource(source)) {
            if (e.kind().mirrorGroup() == group && e.entry().hasRealMirror()) {
                return true;
            }
        }
        return false;
    }

    /** P12: mirrors outside allowedRegistries are rejected by the nodes' signature policy. */
    private static void checkAllowedRegistries(ParsedEntry pe, ImageConfig config, List<Finding> out) {
        List<String> allowed = config.allowedRegistries();
        if (allowed.isEmpty()) {
            return;
        }
        MirrorEntry e = pe.entry();
        int real = 0;
        int disallowed = 0;
        List<Location> mirrors = pe.mirrors();
        for (int i = 0; i < mirrors.size(); i++) {
            Location m = mirrors.get(i);
            String raw = e.mirrors().get(i);
            if (raw == null || raw.equals(e.source())) {
                continue;
            }
            real++;
            if (m != null && !isAllowed(allowed, raw)) {
                disallowed++;
                out.add(Finding.warn(RuleId.P12, pe.mirrorPath(i), raw,
                        "mirror " + Quote.of(raw) + " is not in the cluster image config's"
                                + " spec.registrySources.allowedRegistries, so the nodes reject pulls through it",
                        "add " + (m.registry()) + " to allowedRegistries"));
            }
        }
        boolean sourceUsable = !e.neverContactSource() && !pe.source().wildcard() && isAllowed(allowed, e.source());
        if (real > 0 && disallowed == real && !sourceUsable) {
            out.add(Finding.deny(RuleId.P12, pe.path(), e.source(),
                    "no usable endpoint remains for " + Quote.of(e.source()) + ": every mirror is outside"
                            + " allowedRegistries and the source is " + (e.neverContactSource()
                            ? "never contacted" : "not allowed either"),
                    "add the mirror registries to spec.registrySources.allowedRegistries of the cluster image config"));
        }
    }

    private static boolean isAllowed(List<String> allowed, String ref) {
        for (String scope : allowed) {
            if (Scopes.covers(scope, ref)) {
                return true;
            }
        }
        return false;
    }

    private static String noun(MirrorGroup group) {
        return group == MirrorGroup.DIGEST ? "digest" : "tag";
    }

    private static String kindFor(MirrorGroup group) {
        return group == MirrorGroup.DIGEST ? "ImageDigestMirrorSet" : "ImageTagMirrorSet";
    }

    /** Up to {@value #NAMED} names, then how many more. */
    static String names(List<String> items) {
        if (items.size() <= NAMED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, NAMED)) + " and " + (items.size() - NAMED) + " more";
    }
}
