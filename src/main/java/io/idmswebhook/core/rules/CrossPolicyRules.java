package io.idmswebhook.core.rules;

import io.idmswebhook.core.view.ClusterView;
import io.idmswebhook.core.view.IndexedEntry;
import io.idmswebhook.core.location.Location;
import io.idmswebhook.core.location.ScopeMatch;
import io.idmswebhook.core.location.Scopes;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorGroup;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSourcePolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Rules P4-P9 and P12: an entry read together with every other entry the nodes will see (the
 * other objects in the cluster and the other entries of the same object), through a view in
 * which the object under review replaces its cluster copy.
 *
 * <p>One rule family in one class: every rule reads the same view and the image config, and each
 * {@code check*} method decides one rule id, so a rule is found by its id here.
 */
public final class CrossPolicyRules {

    /** How many other sources or objects a message names before it says "and N more". */
    private static final int NAMED = 2;

    private CrossPolicyRules() {
    }

    public static void check(MirrorSet set, List<ParsedEntry> entries, ClusterView view, List<Finding> out) {
        checkPolicyConflicts(set, entries, view, out);
        ImageConfig config = view.imageConfig();
        // P6, P7 and P9 depend on the source and its policy only: a repeated entry (oc adm catalog
        // mirror writes many) would repeat the same finding, and scanning every entry of a source
        // once per entry of it costs time quadratic in the entries
        Set<ScopeAndPolicy> scopesChecked = new HashSet<>();
        for (ParsedEntry pe : entries) {
            Location source = pe.source();
            if (source == null || !pe.entry().hasRealMirror()) {
                continue;
            }
            checkBlockedMirrors(pe, view, config, out);
            if (scopesChecked.add(new ScopeAndPolicy(pe.entry().source(), pe.entry().effectivePolicy()))) {
                if (source.wildcard()) {
                    checkWildcardNesting(pe, view, config, out);
                }
                checkNeverContactScope(pe, view, out);
                checkGroupShadowing(pe, view, out);
            }
            checkAllowedRegistries(pe, view, config, out);
        }
        checkOtherPullKindBlocked(set, entries, view, out);
    }

    private record ScopeAndPolicy(String source, MirrorSourcePolicy policy) {
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
            if (!view.facts(source).conflictingPolicies()) {
                continue;
            }
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

    /**
     * P5: a mirror that the nodes look up in a blocked registries.conf entry. The nodes skip it
     * ("registry ... is blocked") and go on to the next endpoint, so one such mirror only warns;
     * when no endpoint is left for the source at all, its pulls fail, and that is a denial. The
     * endpoints are those of the source on the nodes: the mirrors that every entry of its mirror
     * group merges into one list, then the source unless its own entry is blocked. The warnings
     * of a denied entry say only what blocks each mirror: there is no next endpoint.
     */
    private static void checkBlockedMirrors(ParsedEntry pe, ClusterView view, ImageConfig config, List<Finding> out) {
        List<Location> mirrors = pe.mirrors();
        MirrorEntry e = pe.entry();
        int real = 0;
        List<Integer> blockedIndexes = new ArrayList<>();
        List<String> blockedBy = new ArrayList<>();
        for (int i = 0; i < mirrors.size(); i++) {
            Location m = mirrors.get(i);
            if (m == null || m.raw().equals(e.source())) {
                continue;
            }
            real++;
            String scope = blockedBy(m.raw(), view, config);
            if (scope != null) {
                blockedIndexes.add(i);
                blockedBy.add(scope);
            }
        }
        String sourceBlockedBy = e.neverContactSource() ? "it has NeverContactSource"
                : blockedRegistry(e.source(), config);
        boolean noEndpoint = real > 0 && blockedIndexes.size() == real && sourceBlockedBy != null
                && !anotherMirrorOfSource(pe, view, m -> blockedBy(m, view, config) == null);
        for (int k = 0; k < blockedIndexes.size(); k++) {
            String raw = mirrors.get(blockedIndexes.get(k)).raw();
            out.add(Finding.warn(RuleId.P5, pe.mirrorPath(blockedIndexes.get(k)), raw + " in " + blockedBy.get(k),
                    "mirror " + Quote.of(raw) + " falls under " + blockedBy.get(k) + ", so every pull through it fails"
                            + (noEndpoint ? "" : " and the nodes go on to the next endpoint"),
                    "use a mirror outside that scope, or unblock it"));
        }
        if (noEndpoint) {
            out.add(Finding.deny(RuleId.P5, pe.path(), e.source(),
                    "no usable endpoint remains for " + Quote.of(e.source()) + ": every mirror the nodes have for it"
                            + " falls under a blocked scope and the source is blocked too (" + sourceBlockedBy + "), so every pull of it fails",
                    "add a mirror outside the blocked scopes"));
        }
    }

    /**
     * Whether another entry of the source in its mirror group has a mirror that passes
     * {@code usable}: the nodes merge the mirrors of all those entries into one list, so such a
     * mirror is an endpoint this entry's pulls still have (P5, P12). This entry's own mirrors are
     * the caller's, and are not tested again.
     */
    private static boolean anotherMirrorOfSource(ParsedEntry pe, ClusterView view, Predicate<String> usable) {
        MirrorEntry e = pe.entry();
        MirrorGroup group = pe.set().kind().mirrorGroup();
        Set<String> checked = new HashSet<>(e.mirrors());
        for (IndexedEntry other : view.withSource(e.source())) {
            if (other.kind().mirrorGroup() != group) {
                continue;
            }
            for (String m : other.entry().mirrors()) {
                if (m != null && !m.equals(e.source()) && checked.add(m) && usable.test(m)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * What blocks pulls through {@code ref} on the nodes, or null when nothing does. The nodes
     * look {@code ref} up in the registries.conf entry with the longest matching prefix: a
     * mirrored source, or a blocked or insecure registry of the image config; on a tie the file's
     * order decides, mirrored sources first in byte order, then blocked, then insecure registries.
     * That entry is blocked when its source has NeverContactSource, or when it nests, as the
     * operator nests scopes, in a blocked registry (the operator copies the flag to every such
     * entry, insecure ones and other objects' sources included).
     */
    private static String blockedBy(String ref, ClusterView view, ImageConfig config) {
        int best = -1;
        String entry = null;
        for (IndexedEntry other : view.covering(ref)) {
            if (!other.entry().hasRealMirror()) {
                continue;
            }
            String source = other.entry().source();
            int len = Scopes.matchLength(source, ref);
            // -1 is no match: it must not tie with the -1 of nothing found yet (and compare with null)
            if (len >= 0 && (len > best || (len == best && source.compareTo(entry) < 0))) {
                best = len;
                entry = source;
            }
        }
        for (List<String> scopes : List.of(config.blockedRegistries(), config.insecureRegistries())) {
            for (String scope : scopes) {
                int len = Scopes.matchLength(scope, ref);
                if (len > best) {
                    best = len;
                    entry = scope;
                }
            }
        }
        if (entry == null) {
            return null;
        }
        String never = null;
        for (IndexedEntry other : view.withSource(entry)) {
            if (other.entry().hasRealMirror() && other.entry().neverContactSource()) {
                String named = "source " + Quote.of(entry) + " of " + other.ref() + ", which has NeverContactSource";
                // the first by name, so the answer does not depend on the order the view lists entries in
                never = never == null || named.compareTo(never) < 0 ? named : never;
            }
        }
        if (never != null) {
            return never;
        }
        String registry = blockedRegistry(entry, config);
        return registry == null ? null : registry + " (spec.registrySources.blockedRegistries)";
    }

    /**
     * The blocked registry of the image config that {@code scope}'s own registries.conf entry
     * nests in as the operator nests scopes, named, or null: then the entry is not blocked by the
     * image config. A path boundary only: {@code quay.io:5000/ns} does not nest in a blocked
     * {@code quay.io}, and its source stays reachable.
     */
    private static String blockedRegistry(String scope, ImageConfig config) {
        for (String blocked : config.blockedRegistries()) {
            if (ScopeMatch.nested(scope, blocked)) {
                return "blocked registry " + Quote.of(blocked) + " of the cluster image config";
            }
        }
        return null;
    }

    /**
     * P6: a mirrored wildcard with a more specific, non-mirrored registries.conf scope inside.
     *
     * <p>The operator gives each registries.conf entry without mirrors the mirrors of the first
     * mirrored scope it nests in, taking the digest sources and then the tag sources, each in byte
     * order, and fails when that scope is a wildcard. Every wildcard sorts before every host, so
     * for a digest wildcard nothing can come first; a tag wildcard comes after every digest source,
     * and a scope that nests in a mirrored digest source other than a wildcard has its mirrors by
     * then and is no problem.
     */
    private static void checkWildcardNesting(ParsedEntry pe, ClusterView view, ImageConfig config,
                                             List<Finding> out) {
        String wildcard = pe.entry().source();
        boolean tagWildcard = pe.set().kind().mirrorGroup() == MirrorGroup.TAG;
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
            if (!mirrored && tagWildcard) {
                mirrored = nestsInMirroredDigestScope(scope, view);
            }
            if (!mirrored) {
                nested.add(Quote.of(scope));
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

    /**
     * A digest source other than a wildcard has real mirrors and encloses {@code scope} as the
     * operator nests scopes: a path below it ({@code /} only, where the nodes' prefix match also
     * takes {@code :} and {@code @}).
     */
    private static boolean nestsInMirroredDigestScope(String scope, ClusterView view) {
        for (IndexedEntry outer : view.enclosing(scope)) {
            String source = outer.entry().source();
            if (outer.kind().mirrorGroup() == MirrorGroup.DIGEST && outer.entry().hasRealMirror()
                    && !source.startsWith("*.") && ScopeMatch.nested(scope, source)) {
                return true;
            }
        }
        return false;
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
        for (IndexedEntry outer : view.enclosing(source)) {
            if (outer.entry().hasRealMirror() && outer.entry().neverContactSource()) {
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

    /** How many sources one P8 warning names before it says how many more. */
    private static final int P8_NAMED = 20;

    /**
     * P8: IDMS and ITMS entries for one source share one registries.conf entry, so
     * NeverContactSource blocks the source for both pull kinds. Pulls of the other kind then fail
     * unless that kind has mirrors for the same source. One warning per object.
     */
    private static void checkOtherPullKindBlocked(MirrorSet set, List<ParsedEntry> entries, ClusterView view,
                                                  List<Finding> out) {
        if (!set.kind().hasPolicyAndSchema()) {
            return;
        }
        MirrorGroup otherGroup = other(set.kind().mirrorGroup());
        List<String> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String path = null;
        for (ParsedEntry pe : entries) {
            MirrorEntry e = pe.entry();
            if (pe.source() == null || !e.hasRealMirror() || !e.neverContactSource() || !seen.add(e.source())
                    || hasGroupEntry(view, e.source(), otherGroup)) {
                continue;
            }
            path = path == null ? pe.path() + ".mirrorSourcePolicy" : "spec." + set.kind().listField();
            sources.add(e.source());
        }
        if (sources.isEmpty()) {
            return;
        }
        List<String> quoted = new ArrayList<>(Math.min(sources.size(), P8_NAMED));
        for (int i = 0; i < sources.size() && i < P8_NAMED; i++) {
            quoted.add(Quote.of(sources.get(i)));
        }
        String named = String.join(", ", quoted)
                + (sources.size() > P8_NAMED ? " and " + (sources.size() - P8_NAMED) + " more" : "");
        String otherKind = kindFor(otherGroup);
        String blocks = set.kind().mirrorGroup() == MirrorGroup.DIGEST
                ? "also blocks pulls by tag, and digest mirrors are not used for tags"
                : "also blocks pulls by digest, and tag mirrors are not used for digests";
        out.add(Finding.warn(RuleId.P8, path, String.join(" ", sources),
                "NeverContactSource on " + named + " " + blocks + " (" + set.kind().kind() + " and " + otherKind
                        + " entries for one source share one registries.conf entry, blocked for both)",
                sources.size() == 1
                        ? "add an " + otherKind + " entry for that source if its " + noun(otherGroup) + " pulls must work"
                        : "add " + otherKind + " entries for those sources if their " + noun(otherGroup)
                                + " pulls must work"));
    }

    /**
     * P9: the longest prefix wins across groups, so a more specific entry of the other group
     * shadows a broader one. When the shadowing entry has NeverContactSource, the pulls it shadows
     * have no endpoint at all: the broader entry's mirrors are not copied into a scope that has
     * mirrors of its own. Either side of the pair is reported, whichever is written last.
     */
    private static void checkGroupShadowing(ParsedEntry pe, ClusterView view, List<Finding> out) {
        MirrorGroup group = pe.set().kind().mirrorGroup();
        MirrorGroup otherGroup = other(group);
        String source = pe.entry().source();
        List<IndexedEntry> inside = view.inside(source);
        if (!inside.isEmpty()) {
            checkShadowedBy(pe, inside, view, out);
        }
        if (hasGroupEntry(view, source, otherGroup)) {
            return;
        }
        List<IndexedEntry> enclosing = view.enclosing(source);
        if (!enclosing.isEmpty()) {
            checkShadows(pe, enclosing, out);
        }
    }

    /** P9 from inside: more specific entries of the other group win over this one. */
    private static void checkShadowedBy(ParsedEntry pe, List<IndexedEntry> inside, ClusterView view, List<Finding> out) {
        MirrorGroup group = pe.set().kind().mirrorGroup();
        MirrorGroup otherGroup = other(group);
        String source = pe.entry().source();
        TreeSet<String> shadowing = new TreeSet<>();
        TreeSet<String> cutOff = new TreeSet<>();
        TreeSet<String> cutOffObjects = new TreeSet<>();
        for (IndexedEntry inner : inside) {
            if (inner.kind().mirrorGroup() != group && inner.entry().hasRealMirror()
                    && !hasGroupEntry(view, inner.entry().source(), group)) {
                String named = Quote.of(inner.entry().source()) + " (" + inner.ref() + ")";
                if (inner.entry().neverContactSource()) {
                    cutOff.add(named);
                    cutOffObjects.add(inner.ref());
                } else {
                    shadowing.add(named);
                }
            }
        }
        if (!cutOff.isEmpty()) {
            out.add(Finding.deny(RuleId.P9, pe.path() + ".source", source + " inner never " + cutOffObjects,
                    noun(group) + " pulls of " + names(new ArrayList<>(cutOff)) + " fail: that more specific "
                            + kindFor(otherGroup) + " entry wins over this one, has NeverContactSource and no "
                            + noun(group) + " mirrors, so those pulls have no endpoint",
                    "add a " + kindFor(group) + " entry for those sources, or drop NeverContactSource there"));
        }
        if (!shadowing.isEmpty()) {
            out.add(Finding.warn(RuleId.P9, pe.path() + ".source", source + " inner " + shadowing,
                    "for " + noun(group) + " pulls under " + names(new ArrayList<>(shadowing))
                            + " the more specific entry wins, so the mirrors of this entry are not used there",
                    "add a " + kindFor(group) + " entry for those sources too"));
        }
    }

    /** P9 from outside: this entry wins over broader entries of the other group. */
    private static void checkShadows(ParsedEntry pe, List<IndexedEntry> enclosing, List<Finding> out) {
        MirrorGroup group = pe.set().kind().mirrorGroup();
        MirrorGroup otherGroup = other(group);
        String source = pe.entry().source();
        TreeSet<String> shadowed = new TreeSet<>();
        TreeSet<String> shadowedObjects = new TreeSet<>();
        for (IndexedEntry outer : enclosing) {
            if (outer.kind().mirrorGroup() != group && outer.entry().hasRealMirror()) {
                shadowed.add(Quote.of(outer.entry().source()) + " (" + outer.ref() + ")");
                shadowedObjects.add(outer.ref());
            }
        }
        if (shadowed.isEmpty()) {
            return;
        }
        if (pe.entry().neverContactSource()) {
            out.add(Finding.deny(RuleId.P9, pe.path() + ".source", source + " never outer " + shadowedObjects,
                    noun(otherGroup) + " pulls of " + Quote.of(source) + " fail: this entry wins over "
                            + names(new ArrayList<>(shadowed)) + " as the more specific one, has NeverContactSource"
                            + " and no " + noun(otherGroup) + " mirrors, so those pulls have no endpoint",
                    "add a " + kindFor(otherGroup) + " entry for " + source + " too, or drop NeverContactSource"));
        } else {
            out.add(Finding.warn(RuleId.P9, pe.path() + ".source", source + " outer " + shadowed,
                    "for " + noun(otherGroup) + " pulls under " + Quote.of(source) + " this entry wins over "
                            + names(new ArrayList<>(shadowed)) + ", whose mirrors are then not used there",
                    "add a " + kindFor(otherGroup) + " entry for " + source + " too"));
        }
    }

    private static MirrorGroup other(MirrorGroup group) {
        return group == MirrorGroup.DIGEST ? MirrorGroup.TAG : MirrorGroup.DIGEST;
    }

    private static boolean hasGroupEntry(ClusterView view, String source, MirrorGroup group) {
        return view.facts(source).mirrored(group);
    }

    /**
     * P12: mirrors outside allowedRegistries are rejected by the nodes' signature policy. No
     * usable endpoint counts, as P5 does, the mirrors of every entry of the source in its mirror
     * group; a wildcard source keeps its own endpoint when an allowed registry covers it or lies
     * inside it, as some pulls under it are then allowed.
     */
    private static void checkAllowedRegistries(ParsedEntry pe, ClusterView view, ImageConfig config, List<Finding> out) {
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
        boolean sourceUsable = !e.neverContactSource() && (isAllowed(allowed, e.source())
                || pe.source().wildcard() && allowed.stream().anyMatch(scope -> Scopes.strictlyInside(scope, e.source())));
        if (real > 0 && disallowed == real && !sourceUsable
                && !anotherMirrorOfSource(pe, view, m -> isAllowed(allowed, m))) {
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

    /**
     * {@link #names} of {@code sorted} without {@code left}, read from the front only: a source
     * named by thousands of objects would otherwise copy them all for every one of them.
     */
    static String namesWithout(List<String> sorted, String left) {
        int size = sorted.size() - (Collections.binarySearch(sorted, left) >= 0 ? 1 : 0);
        List<String> first = new ArrayList<>(NAMED + 1);
        for (int i = 0; i < sorted.size() && first.size() <= NAMED; i++) {
            if (!sorted.get(i).equals(left)) {
                first.add(sorted.get(i));
            }
        }
        if (size <= NAMED) {
            return String.join(", ", first);
        }
        return String.join(", ", first.subList(0, NAMED)) + " and " + (size - NAMED) + " more";
    }
}
