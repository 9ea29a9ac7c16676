package io.idmswebhook.core.nodes;

import io.idmswebhook.core.location.ScopeMatch;
import io.idmswebhook.core.nodes.RegistriesConf.Mirror;
import io.idmswebhook.core.nodes.RegistriesConf.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which endpoints a node tries for one pull, in order, as containers/image computes them from
 * registries.conf: the entry with the longest matching prefix (wildcards included); its mirrors
 * that serve this kind of pull ({@code digest-only} mirrors serve digest pulls only,
 * {@code tag-only} mirrors tag pulls only, {@code mirror-by-digest-only} keeps every mirror to digest
 * pulls); then the entry's own location. Each endpoint is the reference with the matched prefix
 * replaced by the endpoint's location. Every rewrite must be a valid reference, or the whole pull
 * fails before any endpoint is tried. At connection time each endpoint is looked up again by its
 * rewritten name: a blocked entry refuses it, and an insecure entry or mirror skips TLS verification.
 *
 * @param image     the reference as given
 * @param reference the normalised reference, or null when {@code image} is not a reference
 * @param registry  the entry that matched, or null (then the reference is pulled as it is)
 * @param endpoints the endpoints in the order they are tried
 * @param failure   why no endpoint can be tried at all, or null
 */
public record PullResolution(String image, ImageReference reference, Registry registry, List<Endpoint> endpoints,
                             String failure) {

    public PullResolution {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * One place the node asks for the image.
     *
     * @param location  the registries.conf location it comes from (empty for a wildcard entry's own)
     * @param mirror    a mirror, not the entry's own location
     * @param rewritten the reference sent there, or null when the rewrite is not a valid reference
     * @param blocked   the node refuses to contact it; {@code blockedBy} is the scope that blocks it
     * @param insecure  contacted without TLS verification (or over plain HTTP)
     * @param problem   why the rewrite is invalid, or null
     */
    public record Endpoint(String location, boolean mirror, String rewritten, boolean blocked, String blockedBy,
                           boolean insecure, String problem) {

        public boolean usable() {
            return rewritten != null && !blocked;
        }
    }

    public boolean digestPull() {
        return reference != null && reference.digested();
    }

    /** Some endpoint can be tried and is not blocked. */
    public boolean canSucceed() {
        if (failure != null) {
            return false;
        }
        for (Endpoint e : endpoints) {
            if (e.usable()) {
                return true;
            }
        }
        return false;
    }

    /** Why this pull cannot succeed, in one sentence; null when it can. */
    public String whyItFails() {
        if (failure != null) {
            return failure;
        }
        if (canSucceed()) {
            return null;
        }
        return "every endpoint is blocked: the pull of " + reference + " fails with \"registry ... is blocked\"";
    }

    public static PullResolution resolve(RegistriesConf conf, String image) {
        StringBuilder why = new StringBuilder();
        Optional<ImageReference> parsed = ImageReference.parseNormalized(image, why);
        if (parsed.isEmpty()) {
            return new PullResolution(image, null, null, List.of(),
                    TomlStrings.goQuote(image) + " is not an image reference: " + why);
        }
        ImageReference ref = parsed.get();
        String refString = ref.toString();
        Registry registry = find(conf, ref.name());
        if (registry == null) {
            return new PullResolution(image, ref, null, List.of(endpoint(conf, "", false, refString, null)), null);
        }
        List<Endpoint> out = new ArrayList<>();
        int consumed = ScopeMatch.prefixMatch(refString, registry.scope());
        for (Mirror m : registry.mirrors()) {
            boolean serves = ref.digested() ? (registry.mirrorByDigestOnly() || m.servesDigests())
                    : m.servesTags(registry);
            if (serves) {
                out.add(rewrite(conf, m.location(), true, m.insecure(), refString, consumed, registry));
            }
        }
        out.add(rewrite(conf, registry.location(), false, registry.insecure(), refString, consumed, registry));
        for (Endpoint e : out) {
            if (e.problem() != null) {
                return new PullResolution(image, ref, registry, out, "rewriting " + refString + " for "
                        + (e.mirror() ? "mirror " : "location ") + TomlStrings.goQuote(e.location()) + " gives "
                        + e.problem() + ", so the whole pull fails before any endpoint is tried");
            }
        }
        return new PullResolution(image, ref, registry, out, null);
    }

    private static Endpoint rewrite(RegistriesConf conf, String location, boolean mirror, boolean insecure,
                                    String refString, int consumed, Registry registry) {
        if (location.isEmpty()) {
            // a wildcard entry's own endpoint: the reference as it is
            return endpoint(conf, location, insecure, refString, null);
        }
        String candidate = location + refString.substring(consumed);
        StringBuilder why = new StringBuilder();
        Optional<ImageReference> parsed = ImageReference.parseCanonical(candidate, why);
        if (parsed.isEmpty()) {
            return new Endpoint(location, mirror, null, false, null, insecure,
                    TomlStrings.goQuote(candidate) + " (" + why + ")");
        }
        Endpoint e = endpoint(conf, location, insecure, parsed.get().toString(), null);
        return new Endpoint(location, mirror, e.rewritten(), e.blocked(), e.blockedBy(), e.insecure(), null);
    }

    private static Endpoint endpoint(RegistriesConf conf, String location, boolean insecure, String rewritten,
                                     String problem) {
        StringBuilder why = new StringBuilder();
        String name = ImageReference.parseCanonical(rewritten, why).map(ImageReference::name).orElse(rewritten);
        Registry at = find(conf, name);
        boolean blocked = at != null && at.blocked();
        return new Endpoint(location, false, rewritten, blocked, blocked ? at.scope() : null,
                insecure || (at != null && at.insecure()), problem);
    }

    /** containers/image's FindRegistry: the longest matching prefix, the first of equal length. */
    public static Registry find(RegistriesConf conf, String ref) {
        Registry best = null;
        int bestLength = 0;
        for (Registry r : conf.registries()) {
            String prefix = r.scope();
            if (ScopeMatch.prefixMatch(ref, prefix) >= 0 && prefix.length() > bestLength) {
                best = r;
                bestLength = prefix.length();
            }
        }
        return best;
    }
}
