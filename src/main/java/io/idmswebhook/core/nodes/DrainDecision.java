package io.idmswebhook.core.nodes;

import io.idmswebhook.core.nodes.RegistriesConf.Mirror;
import io.idmswebhook.core.nodes.RegistriesConf.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Machine Config Operator's daemon does when registries.conf changes from {@code before}
 * to {@code after}: nothing when the file is the same; a CRI-O reload when its
 * {@code isSafeContainerRegistryConfChanges} calls the change safe; otherwise a drain of every node
 * of every pool first. The daemon's checks are followed as written, quirks included: entries are
 * keyed by {@code prefix}, else {@code location}; an old mirror is found by {@code location}, the
 * first match, so one location listed both {@code digest-only} and {@code tag-only} under an entry
 * makes any change of that entry look like a {@code pull-from-mirror} change.
 *
 * @param fileChanged       the rendered file differs, so it reaches the nodes at all
 * @param firstUnsafeChange the first change the daemon calls unsafe, in words, or null when none
 */
public record DrainDecision(boolean fileChanged, String firstUnsafeChange) {

    /** The ConfigMap (in {@code openshift-machine-config-operator}) that makes the daemon skip these drains. */
    public static final String DRAIN_OVERRIDE_CONFIGMAP = "image-registry-override-drain";

    public boolean drains() {
        return fileChanged && firstUnsafeChange != null;
    }

    public static DrainDecision between(RegistriesConf before, RegistriesConf after) {
        if (before.equals(after)) {
            return new DrainDecision(false, null);
        }
        return new DrainDecision(true, firstUnsafe(before, after));
    }

    private static String firstUnsafe(RegistriesConf before, RegistriesConf after) {
        List<String> oldSearch = before.unqualifiedSearchRegistries();
        List<String> newSearch = after.unqualifiedSearchRegistries();
        if (oldSearch.size() > newSearch.size()) {
            return "removes " + TomlStrings.quote(oldSearch.get(newSearch.size()))
                    + " from unqualified-search-registries";
        }
        for (int i = 0; i < oldSearch.size(); i++) {
            if (!newSearch.get(i).equals(oldSearch.get(i))) {
                return "changes unqualified-search-registries entry " + (i + 1) + " from "
                        + TomlStrings.quote(oldSearch.get(i)) + " to " + TomlStrings.quote(newSearch.get(i));
            }
        }
        Map<String, Registry> old = byScope(before);
        Map<String, Registry> now = byScope(after);
        for (String scope : old.keySet()) {
            if (!now.containsKey(scope)) {
                return "removes the entry " + scope;
            }
        }
        for (Map.Entry<String, Registry> e : now.entrySet()) {
            String scope = e.getKey();
            Registry n = e.getValue();
            Registry o = old.get(scope);
            if (o == null) {
                String offender = notDigestOnly(n);
                if (offender != null) {
                    return "adds " + scope + offender;
                }
                continue;
            }
            if (o.equals(n)) {
                continue;
            }
            if (!o.prefix().equals(n.prefix())) {
                return "changes the prefix of " + scope + " from " + TomlStrings.quote(o.prefix()) + " to "
                        + TomlStrings.quote(n.prefix());
            }
            if (!o.location().equals(n.location())) {
                return "changes the location of " + scope + " from " + TomlStrings.quote(o.location()) + " to "
                        + TomlStrings.quote(n.location());
            }
            if (o.blocked() != n.blocked()) {
                return (n.blocked() ? "blocks " : "unblocks ") + scope;
            }
            if (o.insecure() != n.insecure()) {
                return (n.insecure() ? "marks " : "unmarks ") + scope + " insecure";
            }
            for (Mirror m : o.mirrors()) {
                if (first(n.mirrors(), m.location()) == null) {
                    return "removes mirror " + m.location() + " from " + scope;
                }
            }
            for (Mirror m : n.mirrors()) {
                Mirror was = first(o.mirrors(), m.location());
                if (was != null && !m.pullFromMirror().equals(was.pullFromMirror())
                        && !m.pullFromMirror().equals(RegistriesConf.DIGEST_ONLY)) {
                    return "changes pull-from-mirror of mirror " + m.location() + " in " + scope + " from "
                            + shown(was.pullFromMirror()) + " to " + shown(m.pullFromMirror());
                }
                if (was == null && !m.pullFromMirror().equals(RegistriesConf.DIGEST_ONLY) && !n.mirrorByDigestOnly()) {
                    return "adds mirror " + m.location() + " to " + scope + " with pull-from-mirror "
                            + shown(m.pullFromMirror());
                }
            }
        }
        return null;
    }

    /** The daemon's test for a new entry: all mirrors digest-only, or no mirrors and mirror-by-digest-only. */
    private static String notDigestOnly(Registry r) {
        if (r.mirrors().isEmpty()) {
            return r.mirrorByDigestOnly() ? null : " without mirrors";
        }
        for (Mirror m : r.mirrors()) {
            if (!m.pullFromMirror().equals(RegistriesConf.DIGEST_ONLY)) {
                return " with " + shown(m.pullFromMirror()) + " mirror " + m.location();
            }
        }
        return null;
    }

    private static String shown(String pullFromMirror) {
        return pullFromMirror.isEmpty() ? "unset" : pullFromMirror;
    }

    private static Mirror first(List<Mirror> mirrors, String location) {
        for (Mirror m : mirrors) {
            if (m.location().equals(location)) {
                return m;
            }
        }
        return null;
    }

    /** Keyed as the daemon keys them; a later entry with the same key replaces an earlier one. */
    private static Map<String, Registry> byScope(RegistriesConf conf) {
        Map<String, Registry> out = new LinkedHashMap<>();
        for (Registry r : conf.registries()) {
            out.put(r.scope(), r);
        }
        return out;
    }
}
