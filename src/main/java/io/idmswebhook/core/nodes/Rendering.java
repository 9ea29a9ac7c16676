package io.idmswebhook.core.nodes;

import io.idmswebhook.core.location.LocationParser;
import io.idmswebhook.core.location.LocationRole;
import io.idmswebhook.core.location.ScopeMatch;
import io.idmswebhook.core.merge.MirrorMerge;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import io.idmswebhook.core.model.MirrorSourcePolicy;
import io.idmswebhook.core.nodes.RegistriesConf.Mirror;
import io.idmswebhook.core.nodes.RegistriesConf.Registry;
import io.idmswebhook.core.rules.RuleId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registries.conf the Machine Config Operator renders from every IDMS, ITMS and ICSP and the
 * cluster image config, step by step as the operator does it, because the order of the steps is
 * visible in the file:
 * <ol>
 *   <li>validation, which stops at the first problem: image-config scopes, then every IDMS entry,
 *       every ICSP entry and every ITMS entry (format, one policy per source, NeverContactSource
 *       without the source among its mirrors);</li>
 *   <li>one entry per digest source (IDMS and ICSP, byte order), then per tag source (ITMS, byte
 *       order) not yet present, each with its merged mirrors ({@code digest-only}, then
 *       {@code tag-only}) and {@code blocked} for NeverContactSource;</li>
 *   <li>an entry for each blocked scope, then each insecure scope, not yet present;</li>
 *   <li>insecure flags on every entry and mirror nested in an insecure scope, then blocked flags on
 *       every entry nested in a blocked scope;</li>
 *   <li>an entry without mirrors nested in a mirrored scope gets that scope's mirrors, with the rest
 *       of its path appended, from the first mirrored scope in step 2's order; a mirrored wildcard
 *       cannot be adjusted that way, and the operator fails.</li>
 * </ol>
 * Sources never match by prefix here: that is the nodes' business at pull time
 * ({@link PullResolution}).
 *
 * <p>The operator's rendering in one class, in the operator's order, so it can be compared with
 * theirs step by step; the drafts it builds entries in are private to it.
 */
public final class Rendering {

    private Rendering() {
    }

    /**
     * @param sets   every mirror set of the cluster, in the order the operator lists them (the
     *               merge keeps the order in which lists add their edges)
     * @param config the cluster image config
     */
    public static RenderResult render(Collection<MirrorSet> sets, ImageConfig config) {
        List<MirrorSet> idms = ofKind(sets, MirrorSetKind.IDMS);
        List<MirrorSet> icsp = ofKind(sets, MirrorSetKind.ICSP);
        List<MirrorSet> itms = ofKind(sets, MirrorSetKind.ITMS);
        Refusal invalid = validate(config.insecureRegistries(), config.blockedRegistries(), List.of(), idms, icsp, itms);
        if (invalid != null) {
            return RenderResult.refused(invalid);
        }
        return edit(idms, icsp, itms, config);
    }

    /**
     * runtime-utils' {@code EditRegistriesConfig} alone, without the operator's validation: what
     * the operator also uses for its scratch file when it checks the release payload's mirrors.
     */
    public static RenderResult edit(Collection<MirrorSet> sets, ImageConfig config) {
        return edit(ofKind(sets, MirrorSetKind.IDMS), ofKind(sets, MirrorSetKind.ICSP), ofKind(sets, MirrorSetKind.ITMS),
                config);
    }

    private static RenderResult edit(List<MirrorSet> idms, List<MirrorSet> icsp, List<MirrorSet> itms,
                                     ImageConfig config) {
        List<Merged> digest = merged(idms, icsp);
        List<Merged> tag = merged(itms, List.of());
        Builder file = new Builder();
        file.addMirrors(digest, RegistriesConf.DIGEST_ONLY);
        file.addMirrors(tag, RegistriesConf.TAG_ONLY);
        for (String scope : config.blockedRegistries()) {
            file.entry(scope);
        }
        for (String scope : config.insecureRegistries()) {
            file.entry(scope).insecure = true;
            for (Entry e : file.entries) {
                if (ScopeMatch.nested(e.scope, scope)) {
                    e.insecure = true;
                }
                for (MirrorDraft m : e.mirrors) {
                    if (ScopeMatch.nested(m.location, scope)) {
                        m.insecure = true;
                    }
                }
            }
        }
        for (String scope : config.blockedRegistries()) {
            file.entry(scope).blocked = true;
            for (Entry e : file.entries) {
                if (ScopeMatch.nested(e.scope, scope)) {
                    e.blocked = true;
                }
            }
        }
        List<Merged> all = new ArrayList<>(digest);
        all.addAll(tag);
        // Only an entry without mirrors can be adjusted, and entries only gain mirrors here, so the
        // operator's scan of every entry for every mirrored scope is a scan of the few bare ones
        // (blocked and insecure scopes, in file order): the same result, linear in the file's size.
        List<Entry> bare = new ArrayList<>();
        for (Entry e : file.entries) {
            if (e.mirrors.isEmpty()) {
                bare.add(e);
            }
        }
        for (int i = 0; i < all.size() && !bare.isEmpty(); i++) {
            Entry mirrored = file.entry(all.get(i).source);
            for (Iterator<Entry> it = bare.iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (!e.scope.equals(mirrored.scope) && ScopeMatch.nested(e.scope, mirrored.scope)) {
                    if (mirrored.scope.startsWith("*.")) {
                        return RenderResult.refused(new Refusal(
                                "internal error: mirrorsAdjustedForNestedScope for a wildcard scope "
                                        + TomlStrings.goQuote(mirrored.scope), RuleId.P6, mirrored.scope));
                    }
                    String rest = e.scope.substring(mirrored.scope.length());
                    for (MirrorDraft m : mirrored.mirrors) {
                        e.mirrors.add(new MirrorDraft(m.location + rest, m.insecure, m.pullFromMirror));
                    }
                    if (!e.mirrors.isEmpty()) {
                        it.remove();
                    }
                }
            }
        }
        return RenderResult.of(file.build(config.searchRegistries().isEmpty()
                ? RegistriesConf.DEFAULT_SEARCH_REGISTRIES : config.searchRegistries()));
    }

    /**
     * The operator's validation before it renders, with its error texts. {@code allowed} is
     * checked by the operator only when it renders the signature policy; registries.conf
     * passes none.
     */
    public static Refusal validate(List<String> insecure, List<String> blocked, List<String> allowed,
                                   List<MirrorSet> idms, List<MirrorSet> icsp, List<MirrorSet> itms) {
        Refusal r = scopes(insecure, "insecure");
        if (r == null) {
            r = scopes(blocked, "blocked");
        }
        if (r == null) {
            r = scopes(allowed, "allowed");
        }
        if (r != null) {
            return r;
        }
        Map<String, String> policies = new HashMap<>();
        for (List<MirrorSet> kind : List.of(idms, icsp, itms)) {
            for (MirrorSet set : kind) {
                for (MirrorEntry e : set.entries()) {
                    r = validateEntry(e, policies);
                    if (r != null) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    private static Refusal scopes(List<String> scopes, String what) {
        for (String scope : scopes) {
            if (!ScopeMatch.validConfScope(scope)) {
                return new Refusal("invalid entry for " + what + " registries " + TomlStrings.goQuote(scope), null, scope);
            }
        }
        return null;
    }

    /** The policy as the operator's validation compares it: unset is AllowContactingSource, anything else as written. */
    static String validatedPolicy(MirrorEntry e) {
        return e.policy() == null || e.policy().isEmpty() ? MirrorSourcePolicy.ALLOW_CONTACTING_SOURCE.value() : e.policy();
    }

    /** The operator's checks of one entry on its own: what {@link #validate} refuses without the other entries. */
    static boolean validAlone(MirrorEntry e) {
        return validateEntry(e, new HashMap<>()) == null;
    }

    private static Refusal validateEntry(MirrorEntry e, Map<String, String> policies) {
        String source = e.source() == null ? "" : e.source();
        if (!LocationParser.isValid(source, LocationRole.SOURCE)) {
            return new Refusal("invalid format for source " + TomlStrings.goQuote(source), RuleId.S1, source);
        }
        String policy = validatedPolicy(e);
        String known = policies.putIfAbsent(source, policy);
        if (known != null && !known.equals(policy)) {
            return new Refusal("conflicting mirrorSourcePolicy is set for the same source " + TomlStrings.goQuote(source)
                    + " in imagedigestmirrorsets, imagetagmirrorsets, or imagecontentsourcepolicies", RuleId.P4, source);
        }
        for (String mirror : e.mirrors()) {
            String m = mirror == null ? "" : mirror;
            if (!LocationParser.isValid(m, LocationRole.MIRROR)) {
                return new Refusal("invalid format for mirror " + TomlStrings.goQuote(m), RuleId.S1, m);
            }
            if (policy.equals(MirrorSourcePolicy.NEVER_CONTACT_SOURCE.value()) && m.equals(source)) {
                return new Refusal("cannot set mirrorSourcePolicy: NeverContactSource if the source "
                        + TomlStrings.goQuote(source) + " is one of the mirrors", RuleId.P2, source);
            }
        }
        return null;
    }

    private static List<MirrorSet> ofKind(Collection<MirrorSet> sets, MirrorSetKind kind) {
        List<MirrorSet> out = new ArrayList<>();
        for (MirrorSet s : sets) {
            if (s.kind() == kind) {
                out.add(s);
            }
        }
        return out;
    }

    /** One source of one mirror group, merged: its mirrors in node order, and whether it is blocked. */
    private record Merged(String source, List<String> mirrors, boolean neverContactSource) {
    }

    private static List<Merged> merged(List<MirrorSet> first, List<MirrorSet> second) {
        // hashed, then sorted once: a sorted map compared source strings on every insert, 5.5 % of
        // a 10,000-entry review in-process (the whole rendering was 14.8 %)
        Map<String, List<List<String>>> lists = new HashMap<>();
        Set<String> blocked = new HashSet<>();
        for (List<MirrorSet> kind : List.of(first, second)) {
            for (MirrorSet set : kind) {
                for (MirrorEntry e : set.entries()) {
                    if (e.source() == null || !e.hasRealMirror()) {
                        // no real mirror: not a mirror set at all, and its policy is ignored
                        continue;
                    }
                    if (e.neverContactSource()) {
                        blocked.add(e.source());
                    }
                    lists.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e.mirrors());
                }
            }
        }
        List<String> sources = new ArrayList<>(lists.keySet());
        Collections.sort(sources);
        List<Merged> out = new ArrayList<>(sources.size());
        for (String source : sources) {
            out.add(new Merged(source, MirrorMerge.merge(source, lists.get(source)).order(), blocked.contains(source)));
        }
        return out;
    }

    private static final class MirrorDraft {
        final String location;
        boolean insecure;
        final String pullFromMirror;

        MirrorDraft(String location, boolean insecure, String pullFromMirror) {
            this.location = location;
            this.insecure = insecure;
            this.pullFromMirror = pullFromMirror;
        }
    }

    private static final class Entry {
        final String scope;
        boolean blocked;
        boolean insecure;
        final List<MirrorDraft> mirrors = new ArrayList<>();

        Entry(String scope) {
            this.scope = scope;
        }
    }

    /** The file while it is being written; entries are found by scope, as the operator finds them. */
    private static final class Builder {
        final List<Entry> entries = new ArrayList<>();
        final Map<String, Entry> byScope = new HashMap<>();

        Entry entry(String scope) {
            return byScope.computeIfAbsent(scope, s -> {
                Entry e = new Entry(s);
                entries.add(e);
                return e;
            });
        }

        void addMirrors(List<Merged> sets, String pullFromMirror) {
            for (Merged set : sets) {
                Entry e = entry(set.source);
                if (set.neverContactSource) {
                    e.blocked = true;
                }
                for (String m : set.mirrors) {
                    e.mirrors.add(new MirrorDraft(m, false, pullFromMirror));
                }
            }
        }

        RegistriesConf build(List<String> search) {
            List<Registry> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                List<Mirror> mirrors = new ArrayList<>(e.mirrors.size());
                for (MirrorDraft m : e.mirrors) {
                    mirrors.add(new Mirror(m.location, m.insecure, m.pullFromMirror));
                }
                boolean wildcard = e.scope.startsWith("*.");
                out.add(new Registry(wildcard ? e.scope : "", wildcard ? "" : e.scope, e.blocked, e.insecure, false, mirrors));
            }
            return new RegistriesConf(search, out);
        }
    }
}
