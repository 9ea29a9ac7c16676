package io.idmswebhook.core.nodes;

import io.idmswebhook.core.location.ScopeMatch;
import io.idmswebhook.core.model.ImageConfig;
import io.idmswebhook.core.model.MirrorSet;
import io.idmswebhook.core.model.MirrorSetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Machine Config Operator's guard for the release payload: a blocked registry scope that
 * covers the payload repository is kept only when the payload can still be pulled by digest
 * through a mirror that is not blocked; otherwise it is dropped from registries.conf and the
 * operator reports an error. The signature policy then allows the payload repository itself.
 *
 * @param registriesBlocked the blocked scopes registries.conf gets
 * @param policyBlocked     the blocked scopes the signature policy gets
 * @param allowed           the allowed scopes the signature policy gets
 * @param error             the operator's error, or null
 */
public record PayloadBlocking(List<String> registriesBlocked, List<String> policyBlocked, List<String> allowed,
                              String error) {

    public static PayloadBlocking of(String releaseImage, List<String> blocked, List<String> insecure,
                                     List<String> allowedRegistries, List<MirrorSet> sets) {
        Optional<ImageReference> payload = ImageReference.parseCanonical(releaseImage, new StringBuilder());
        if (payload.isEmpty()) {
            return new PayloadBlocking(List.of(), List.of(), List.of(), "error parsing reference of release image");
        }
        String payloadRepo = payload.get().name();
        List<MirrorSet> digestSets = new ArrayList<>();
        for (MirrorSet s : sets) {
            // the payload is pulled by digest only, so tag mirrors never help it
            if (s.kind() != MirrorSetKind.ITMS) {
                digestSets.add(s);
            }
        }
        List<String> registriesBlocked = new ArrayList<>();
        List<String> policyBlocked = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String reg : blocked) {
            if (ScopeMatch.nested(payloadRepo, reg)) {
                if (!hasUnblockedMirror(payload.get(), digestSets, blocked, insecure)) {
                    refused.add(reg);
                    continue;
                }
                registriesBlocked.add(reg);
                if (!payloadRepo.equals(reg)) {
                    policyBlocked.add(reg);
                }
                allowed.add(payloadRepo);
                continue;
            }
            registriesBlocked.add(reg);
            policyBlocked.add(reg);
        }
        allowed.addAll(allowedRegistries);
        String error = null;
        if (!refused.isEmpty()) {
            List<String> quoted = new ArrayList<>();
            refused.forEach(r -> quoted.add(TomlStrings.goQuote(r)));
            error = "error adding [" + String.join(" ", quoted)
                    + "] to blocked registries, cannot block the repository being used by the payload";
        }
        return new PayloadBlocking(registriesBlocked, policyBlocked, allowed, error);
    }

    private static boolean hasUnblockedMirror(ImageReference payload, List<MirrorSet> sets, List<String> blocked,
                                              List<String> insecure) {
        RenderResult r = Rendering.edit(sets, new ImageConfig(List.of(), blocked, insecure));
        if (r.refused()) {
            return false;
        }
        PullResolution pull = PullResolution.resolve(r.conf(), payload.toString());
        for (PullResolution.Endpoint e : pull.endpoints()) {
            if (e.rewritten() == null) {
                return false;
            }
            String name = ImageReference.parseCanonical(e.rewritten(), new StringBuilder())
                    .map(ImageReference::name).orElse(e.rewritten());
            boolean usable = true;
            for (String scope : blocked) {
                if (ScopeMatch.nested(name, scope)) {
                    usable = false;
                }
            }
            if (usable) {
                return true;
            }
        }
        return false;
    }
}
