package io.idmswebhook.core.nodes;

import io.idmswebhook.core.merge.ReferenceMirrorMerge;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorEntry;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately plain statement of the operator's rendering, for differential tests only: each
 * entry's fields are computed from their definitions (which entries exist and in what order, then
 * per entry its mirrors, blocked and insecure), not by replaying the operator's passes over a
 * mutable file. Syntax is left out: the generator only writes valid locations.
 */
final class ReferenceRendering {

    private ReferenceRendering() {
    }

    /** The file as one string per line, or {@code "refused"}. */
    static List<String> render(List<MirrorSet> sets, ImageConfig config) {
        Map<String, String> policy = new TreeMap<>();
        for (MirrorSetKind kind : List.of(MirrorSetKind.IDMS, MirrorSetKind.ICSP, MirrorSetKind.ITMS)) {
            for (MirrorSet s : sets) {
                if (s.kind() != kind) {
                    continue;
                }
                for (MirrorEntry e : s.entries()) {
                    String p = e.policy() == null ? "AllowContactingSource" : e.policy();
                    String before = policy.putIfAbsent(e.source(), p);
                    if (before != null && !before.equals(p)) {
                        return List.of("refused");
                    }
                    if (p.equals("NeverContactSource") && e.mirrors().contains(e.source())) {
                        return List.of("refused");
                    }
                }
            }
        }
        Map<String, List<String>> digest = merged(sets, true);
        Map<String, List<String>> tag = merged(sets, false);
        TreeSet<String> neverContact = new TreeSet<>();
        for (MirrorSet s : sets) {
            for (MirrorEntry e : s.entries()) {
                if (e.hasRealMirror() && "NeverContactSource".equals(e.policy())) {
                    neverContact.add(e.source());
                }
            }
        }
        List<String> scopes = new ArrayList<>(digest.keySet());
        for (String t : tag.keySet()) {
            if (!scopes.contains(t)) {
                scopes.add(t);
            }
        }
        List<String> mirroredInOrder = new ArrayList<>(digest.keySet());
        mirroredInOrder.addAll(tag.keySet());
        for (String b : config.blockedRegistries()) {
            if (!scopes.contains(b)) {
                scopes.add(b);
            }
        }
        for (String i : config.insecureRegistries()) {
            if (!scopes.contains(i)) {
                scopes.add(i);
            }
        }
        List<String> out = new ArrayList<>();
        for (String scope : scopes) {
            Map<String, String> mirrors = new LinkedHashMap<>();
            List<String[]> own = new ArrayList<>();
            for (String m : digest.getOrDefault(scope, List.of())) {
                own.add(new String[] {m, "digest-only"});
            }
            for (String m : tag.getOrDefault(scope, List.of())) {
                own.add(new String[] {m, "tag-only"});
            }
            if (own.isEmpty()) {
                for (String outer : mirroredInOrder) {
                    if (!outer.equals(scope) && inside(scope, outer)) {
                        if (outer.startsWith("*.")) {
                            return List.of("refused");
                        }
                        for (String m : digest.getOrDefault(outer, List.of())) {
                            own.add(new String[] {m + scope.substring(outer.length()), "digest-only", m});
                        }
                        for (String m : tag.getOrDefault(outer, List.of())) {
                            own.add(new String[] {m + scope.substring(outer.length()), "tag-only", m});
                        }
                        break;
                    }
                }
            }
            boolean blocked = neverContact.contains(scope);
            for (String b : config.blockedRegistries()) {
                blocked |= inside(scope, b);
            }
            boolean insecure = false;
            for (String i : config.insecureRegistries()) {
                insecure |= inside(scope, i);
            }
            StringBuilder line = new StringBuilder(scope).append(" blocked=").append(blocked)
                    .append(" insecure=").append(insecure);
            for (String[] m : own) {
                // a copied mirror keeps the insecure flag of the mirror it was copied from
                String judged = m.length > 2 ? m[2] : m[0];
                boolean mi = false;
                for (String i : config.insecureRegistries()) {
                    mi |= inside(judged, i);
                }
                line.append(" | ").append(m[0]).append(' ').append(m[1]).append(mi ? " insecure" : "");
            }
            out.add(line.toString());
        }
        return out;
    }

    /** The same file in {@link #render}'s notation. */
    static List<String> lines(RenderResult r) {
        if (r.refused()) {
            return List.of("refused");
        }
        List<String> out = new ArrayList<>();
        for (RegistriesConf.Registry reg : r.conf().registries()) {
            StringBuilder line = new StringBuilder(reg.scope()).append(" blocked=").append(reg.blocked())
                    .append(" insecure=").append(reg.insecure());
            for (RegistriesConf.Mirror m : reg.mirrors()) {
                line.append(" | ").append(m.location()).append(' ').append(m.pullFromMirror())
                        .append(m.insecure() ? " insecure" : "");
            }
            out.add(line.toString());
        }
        return out;
    }

    private static Map<String, List<String>> merged(List<MirrorSet> sets, boolean digestGroup) {
        Map<String, List<List<String>>> lists = new TreeMap<>();
        for (MirrorSetKind kind : digestGroup ? List.of(MirrorSetKind.IDMS, MirrorSetKind.ICSP) : List.of(MirrorSetKind.ITMS)) {
            for (MirrorSet s : sets) {
                if (s.kind() != kind) {
                    continue;
                }
                for (MirrorEntry e : s.entries()) {
                    if (e.mirrors().stream().anyMatch(m -> !m.equals(e.source()))) {
                        lists.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(e.mirrors());
                    }
                }
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        lists.forEach((source, l) -> out.put(source, ReferenceMirrorMerge.merge(source, l).order()));
        return out;
    }

    /** {@code inner} equals {@code outer}, lies in a path below it, or has a host under its wildcard domain. */
    private static boolean inside(String inner, String outer) {
        if (inner.equals(outer) || inner.startsWith(outer + "/")) {
            return true;
        }
        if (!outer.startsWith("*.")) {
            return false;
        }
        String host = inner.split("[:/]", 2)[0];
        return host.endsWith(outer.substring(1));
    }
}
